export const PG_FEATURES = {
    identityColumns: { since: 10, what: 'identity columns (GENERATED … AS IDENTITY)' },
    renameEnumValue: { since: 10, what: 'ALTER TYPE … RENAME VALUE' },
    constantDefaultWithoutRewrite: { since: 11, what: 'ADD COLUMN with a non-volatile default stores it in the catalog instead of rewriting the table' },
    reindexConcurrently: { since: 12, what: 'REINDEX … CONCURRENTLY' },
    generatedColumns: { since: 12, what: 'generated columns (GENERATED ALWAYS AS … STORED)' },
    checkProvesNotNull: { since: 12, what: 'SET NOT NULL skips the table scan when a valid CHECK (col IS NOT NULL) proves it' },
    attachPartitionShareUpdateExclusive: { since: 12, what: 'ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the parent instead of ACCESS EXCLUSIVE' },
    timestampToTimestamptzUtcWithoutRewrite: { since: 12, what: 'timestamp → timestamptz keeps the storage when the session TimeZone is UTC' },
    enumAddValueInTransaction: { since: 12, what: 'ALTER TYPE … ADD VALUE inside a transaction block' },
    detachPartitionConcurrently: { since: 14, what: 'DETACH PARTITION … CONCURRENTLY' },
    detachLocksPartitionExclusively: { since: 14, what: 'DETACH PARTITION takes ACCESS EXCLUSIVE on the partition (SHARE UPDATE EXCLUSIVE before)' },
    columnCompression: { since: 14, what: 'ALTER COLUMN … SET COMPRESSION' },
    setAccessMethod: { since: 15, what: 'ALTER TABLE … SET ACCESS METHOD' },
    transactionTimeout: { since: 17, what: 'the transaction_timeout setting, which pg_restore 17 and later sets: their SQL goes to older servers through psql without it' },
    notNullNotValid: { since: 18, what: 'ADD CONSTRAINT … NOT NULL … NOT VALID, then VALIDATE CONSTRAINT without blocking reads and writes' },
    virtualGeneratedColumns: { since: 18, what: 'virtual generated columns (GENERATED ALWAYS AS … VIRTUAL, the default): computed when read, no rewrite' },
    notValidForeignKeyOnPartitioned: { since: 18, what: 'NOT VALID foreign keys on a partitioned table' },
};
/** Whether `major` has the feature. */
export function pgHas(feature, major) {
    return major >= PG_FEATURES[feature].since;
}
/** The first major with the feature. */
export function pgSince(feature) {
    return PG_FEATURES[feature].since;
}
/** The majors pgwarden is proven on (each one by `npm run test:pg-matrix`). */
export const SUPPORTED_PG_MAJORS = [13, 14, 15, 16, 17, 18];
/** The major lint assumes when neither --pg-version, --database-url nor the configuration names one. */
export const DEFAULT_PG_MAJOR = 15;
