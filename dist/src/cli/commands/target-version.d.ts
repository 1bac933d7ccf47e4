export interface TargetVersion {
    major: number;
    /** Where it came from, for the one line that says so when it was assumed. */
    source: 'flag' | 'database' | 'config' | 'default';
}
/**
 * The PostgreSQL major lint checks for: --pg-version, else the server --database-url names (one
 * read-only query), else `pgVersion` of the configuration, else the default (and the caller says so).
 */
export declare function targetVersion(flag: string | undefined, databaseUrl: string | undefined, configured: number | undefined): Promise<TargetVersion>;
export declare function assumedVersionNote(major: number): string;
