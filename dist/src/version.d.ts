/**
 * pgwarden's version (history table, backup manifests, --version). Found by walking up to package.json, so that it works both
 * from the built dist/ and from the TypeScript sources (tests import those directly).
 */
export declare function pgwardenVersion(): string;
/**
 * The build's content hash, written by `npm run build` (scripts/command-manifest.mjs) beside the compiled
 * code: every commit installed from git calls itself the same version, and a lint cache keyed by the
 * version alone would keep findings of an older build's rules. Empty when running from the sources.
 */
export declare function pgwardenBuild(): string;
/** Beside dist/src/version.js. */
export declare const BUILD_ID_FILE = "build-id.txt";
