import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
let cached;
/**
 * pgwarden's version (history table, backup manifests, --version). Found by walking up to package.json, so that it works both
 * from the built dist/ and from the TypeScript sources (tests import those directly).
 */
export function pgwardenVersion() {
    if (cached)
        return cached;
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        try {
            const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'pgwarden' && pkg.version)
                return (cached = pkg.version);
        }
        catch {
            // not here: keep walking up
        }
        dir = dirname(dir);
    }
    return (cached = 'unknown');
}
