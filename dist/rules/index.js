import { banDropTable } from './ban-drop-table.js';
import { banDropColumn } from './ban-drop-column.js';
import { banDropSchema } from './ban-drop-schema.js';
import { banDropDatabase } from './ban-drop-database.js';
import { banTruncate } from './ban-truncate.js';
import { banTruncateCascade } from './ban-truncate-cascade.js';
import { banDeleteWithoutWhere } from './ban-delete-without-where.js';
import { banUpdateWithoutWhere } from './ban-update-without-where.js';
import { renamingColumn } from './renaming-column.js';
import { renamingTable } from './renaming-table.js';
import { banDropNotNull } from './ban-drop-not-null.js';
import { renamingEnumValue } from './renaming-enum-value.js';
import { requireEnumValueOrdering } from './require-enum-value-ordering.js';
import { banNewEnumValueUseInTransaction } from './ban-new-enum-value-use-in-transaction.js';
import { preferBigintOverInt } from './prefer-bigint-over-int.js';
import { preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';
import { preferIdentity } from './prefer-identity.js';
import { preferTextField } from './prefer-text-field.js';
import { preferTimestamptz } from './prefer-timestamptz.js';
import { banCharField } from './ban-char-field.js';
import { preferJsonb } from './prefer-jsonb.js';
import { identifierTooLong } from './identifier-too-long.js';
import { banDuplicateColumnAssignments } from './ban-duplicate-column-assignments.js';
import { transactionNesting } from './transaction-nesting.js';
import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';
import { preferRobustStmts } from './prefer-robust-stmts.js';
import { requireTableSchema } from './require-table-schema.js';
import { requireDownMigration } from './require-down-migration.js';
import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import { constraintMissingNotValid } from './constraint-missing-not-valid.js';
import { addingForeignKeyConstraint } from './adding-foreign-key-constraint.js';
import { requireLockTimeout } from './require-lock-timeout.js';
import { requireStatementTimeout } from './require-statement-timeout.js';
import { addingPrimaryKeyConstraint } from './adding-primary-key-constraint.js';
import { disallowedUniqueConstraint } from './disallowed-unique-constraint.js';
import { banExclusionConstraint } from './ban-exclusion-constraint.js';
import { addingStoredGeneratedColumn } from './adding-stored-generated-column.js';
import { requireConcurrentReindex } from './require-concurrent-reindex.js';
import { requireConcurrentRefresh } from './require-concurrent-refresh.js';
import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach.js';
import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';
import { banVacuumFull } from './ban-vacuum-full.js';
import { banTableStorageRewrite } from './ban-table-storage-rewrite.js';
import { enablingRlsWithoutPolicy } from './enabling-rls-without-policy.js';
import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint.js';
import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint.js';
import { foreignKeyMissingIndex } from './foreign-key-missing-index.js';
import { changingColumnType } from './changing-column-type.js';
import { redundantIndex } from './redundant-index.js';
import { expandContractInOneMigration } from './expand-contract-in-one-migration.js';
import { addingFieldWithDefault } from './adding-field-with-default.js';
import { addingNotNullableField } from './adding-not-nullable-field.js';
import { addingRequiredField } from './adding-required-field.js';
import { lockHeldAcrossStatements } from './lock-held-across-statements.js';
import { backfillInDdlTransaction } from './backfill-in-ddl-transaction.js';
import { deleteCascadesToChildren } from './delete-cascades-to-children.js';
import { dynamicSqlInDoBlock } from './dynamic-sql-in-do-block.js';
/** Every rule pgwarden knows, in documentation order. */
export const allRules = [
    banDropTable,
    banDropColumn,
    banDropSchema,
    banDropDatabase,
    banTruncate,
    banTruncateCascade,
    banDeleteWithoutWhere,
    deleteCascadesToChildren,
    banUpdateWithoutWhere,
    renamingColumn,
    renamingTable,
    enablingRlsWithoutPolicy,
    banDropNotNull,
    renamingEnumValue,
    requireEnumValueOrdering,
    preferBigintOverInt,
    preferBigintOverSmallint,
    preferIdentity,
    preferTextField,
    preferTimestamptz,
    banCharField,
    preferJsonb,
    identifierTooLong,
    banDuplicateColumnAssignments,
    dynamicSqlInDoBlock,
    transactionNesting,
    banUncommittedTransaction,
    banNewEnumValueUseInTransaction,
    preferRobustStmts,
    requireTableSchema,
    requireDownMigration,
    requireConcurrentIndexCreation,
    requireConcurrentIndexDeletion,
    constraintMissingNotValid,
    addingForeignKeyConstraint,
    requireLockTimeout,
    requireStatementTimeout,
    addingPrimaryKeyConstraint,
    disallowedUniqueConstraint,
    banExclusionConstraint,
    addingStoredGeneratedColumn,
    requireConcurrentReindex,
    requireConcurrentRefresh,
    requireConcurrentPartitionDetach,
    banConcurrentIndexCreationInTransaction,
    banVacuumFull,
    banTableStorageRewrite,
    banAlterDomainWithAddConstraint,
    banCreateDomainWithConstraint,
    foreignKeyMissingIndex,
    changingColumnType,
    redundantIndex,
    expandContractInOneMigration,
    addingFieldWithDefault,
    addingNotNullableField,
    addingRequiredField,
    lockHeldAcrossStatements,
    backfillInDdlTransaction,
];
