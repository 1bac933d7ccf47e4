/**
 * pgwarden's version (history table, backup manifests, --version). Found by walking up to package.json, so that it works both
 * from the built dist/ and from the TypeScript sources (tests import those directly).
 */
export declare function pgwardenVersion(): string;
