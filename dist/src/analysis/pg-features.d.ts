/**
 * What changed between PostgreSQL majors, in one place: the lock model, the rules and the rule docs read
 * these facts instead of comparing against version numbers of their own. Each fact is proven on a real
 * server of every supported major by `npm run test:pg-matrix` (the lock claims and the rules' examples).
 */
export interface PgFeature {
    /** First major with the behaviour. */
    since: number;
    /** What the behaviour is, as the docs say it. */
    what: string;
}
export declare const PG_FEATURES: {
    readonly identityColumns: {
        readonly since: 10;
        readonly what: "identity columns (GENERATED … AS IDENTITY)";
    };
    readonly renameEnumValue: {
        readonly since: 10;
        readonly what: "ALTER TYPE … RENAME VALUE";
    };
    readonly constantDefaultWithoutRewrite: {
        readonly since: 11;
        readonly what: "ADD COLUMN with a non-volatile default stores it in the catalog instead of rewriting the table";
    };
    readonly reindexConcurrently: {
        readonly since: 12;
        readonly what: "REINDEX … CONCURRENTLY";
    };
    readonly generatedColumns: {
        readonly since: 12;
        readonly what: "generated columns (GENERATED ALWAYS AS … STORED)";
    };
    readonly checkProvesNotNull: {
        readonly since: 12;
        readonly what: "SET NOT NULL skips the table scan when a valid CHECK (col IS NOT NULL) proves it";
    };
    readonly attachPartitionShareUpdateExclusive: {
        readonly since: 12;
        readonly what: "ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the parent instead of ACCESS EXCLUSIVE";
    };
    readonly timestampToTimestamptzUtcWithoutRewrite: {
        readonly since: 12;
        readonly what: "timestamp → timestamptz keeps the storage when the session TimeZone is UTC";
    };
    readonly enumAddValueInTransaction: {
        readonly since: 12;
        readonly what: "ALTER TYPE … ADD VALUE inside a transaction block";
    };
    readonly detachPartitionConcurrently: {
        readonly since: 14;
        readonly what: "DETACH PARTITION … CONCURRENTLY";
    };
    readonly detachLocksPartitionExclusively: {
        readonly since: 14;
        readonly what: "DETACH PARTITION takes ACCESS EXCLUSIVE on the partition (SHARE UPDATE EXCLUSIVE before)";
    };
    readonly columnCompression: {
        readonly since: 14;
        readonly what: "ALTER COLUMN … SET COMPRESSION";
    };
    readonly setAccessMethod: {
        readonly since: 15;
        readonly what: "ALTER TABLE … SET ACCESS METHOD";
    };
    readonly transactionTimeout: {
        readonly since: 17;
        readonly what: "the transaction_timeout setting, which pg_restore 17 and later sets: their SQL goes to older servers through psql without it";
    };
    readonly notNullNotValid: {
        readonly since: 18;
        readonly what: "ADD CONSTRAINT … NOT NULL … NOT VALID, then VALIDATE CONSTRAINT without blocking reads and writes";
    };
    readonly virtualGeneratedColumns: {
        readonly since: 18;
        readonly what: "virtual generated columns (GENERATED ALWAYS AS … VIRTUAL, the default): computed when read, no rewrite";
    };
    readonly notValidForeignKeyOnPartitioned: {
        readonly since: 18;
        readonly what: "NOT VALID foreign keys on a partitioned table";
    };
};
export type PgFeatureName = keyof typeof PG_FEATURES;
/** Whether `major` has the feature. */
export declare function pgHas(feature: PgFeatureName, major: number): boolean;
/** The first major with the feature. */
export declare function pgSince(feature: PgFeatureName): number;
/** The majors pgwarden is proven on (each one by `npm run test:pg-matrix`). */
export declare const SUPPORTED_PG_MAJORS: readonly [13, 14, 15, 16, 17, 18];
/** The major lint assumes when neither --pg-version, --database-url nor the configuration names one. */
export declare const DEFAULT_PG_MAJOR = 15;
