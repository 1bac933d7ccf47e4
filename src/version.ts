import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * pgwarden's version (history table, backup manifests, --version). Found by walking up to package.json, so that it works both
 * from the built dist/ and from the TypeScript sources (tests import those directly).
 */
export function pgwardenVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pgwarden' && pkg.version) return (cached = pkg.version);
    } catch {
      // not here: keep walking up
    }
    dir = dirname(dir);
  }
  return (cached = 'unknown');
}

let cachedBuild: string | undefined;

/**
 * The build's content hash, written by `npm run build` (scripts/command-manifest.mjs) beside the compiled
 * code: every commit installed from git calls itself the same version, and a lint cache keyed by the
 * version alone would keep findings of an older build's rules. Empty when running from the sources.
 */
export function pgwardenBuild(): string {
  if (cachedBuild !== undefined) return cachedBuild;
  try {
    return (cachedBuild = readFileSync(join(dirname(fileURLToPath(import.meta.url)), BUILD_ID_FILE), 'utf8').trim());
  } catch {
    return (cachedBuild = '');
  }
}

/** Beside dist/src/version.js. */
export const BUILD_ID_FILE = 'build-id.txt';
