import { nodeAs, optionIsOn, stringList, typeNameToString } from '../sql/ast.js';
import { tableKey, splitKey } from './schema.js';
import { isBinaryCoercibleChange, usingKeepsColumn } from './coercion.js';
import { expressionVolatility, isSerialType } from './volatility.js';
import { DEFAULT_PG_MAJOR, pgHas } from './pg-features.js';
/** PostgreSQL's table-level lock modes, weakest first (see the "Table-Level Locks" docs). */
export const LOCK_MODES = [
    'AccessShareLock',
    'RowShareLock',
    'RowExclusiveLock',
    'ShareUpdateExclusiveLock',
    'ShareLock',
    'ShareRowExclusiveLock',
    'ExclusiveLock',
    'AccessExclusiveLock',
];
/** Whether `mode` blocks plain reads (SELECT) / writes (INSERT, UPDATE, DELETE) of other sessions. */
export function blocksReads(mode) {
    return mode === 'AccessExclusiveLock';
}
export function blocksWrites(mode) {
    return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('ShareLock');
}
export function strongerMode(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
/** The mode LOCK TABLE's numeric `mode` stands for (1 = ACCESS SHARE … 8 = ACCESS EXCLUSIVE). */
export function lockModeOfNumber(n) {
    return LOCK_MODES[Math.min(Math.max(n, 1), 8) - 1];
}
/** Human spelling for messages: `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
export function lockModeName(mode) {
    return mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
/** Storage parameters ALTER TABLE … SET (…) changes under SHARE UPDATE EXCLUSIVE (the rest: ACCESS EXCLUSIVE). */
const LIGHT_RELOPTIONS = /^(autovacuum_|toast\.autovacuum_|fillfactor$|toast_tuple_target$|parallel_workers$|vacuum_index_cleanup$|vacuum_truncate$|log_autovacuum_min_duration$|toast\.vacuum_|n_distinct)/;
const SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = new Set([
    'AT_SetStatistics', 'AT_ClusterOn', 'AT_DropCluster', 'AT_SetOptions', 'AT_ResetOptions', 'AT_ValidateConstraint',
    'AT_AttachPartition', 'AT_DetachPartitionFinalize',
]);
const SHARE_ROW_EXCLUSIVE_SUBCOMMANDS = new Set([
    'AT_EnableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig', 'AT_EnableTrigAll', 'AT_EnableTrigUser',
    'AT_DisableTrig', 'AT_DisableTrigAll', 'AT_DisableTrigUser',
]);
/** Collects claims, keeping per relation the strongest mode and any rewrite or scan. */
class Claims {
    byRelation = new Map();
    add(claim) {
        const key = `${claim.relationKind ?? 'table'}:${claim.relation}`;
        const prior = this.byRelation.get(key);
        if (!prior) {
            this.byRelation.set(key, { ...claim });
            return;
        }
        const stronger = LOCK_MODES.indexOf(claim.mode) > LOCK_MODES.indexOf(prior.mode);
        const same = claim.mode === prior.mode;
        // the reason names the costliest action: the strongest lock, then a rewrite, then a scan
        // (ADD COLUMN x, ALTER COLUMN y TYPE … is the type change's rewrite, not the cheap ADD COLUMN)
        const costlier = same && ((claim.rewrite && !prior.rewrite) || (claim.scan && !prior.scan && !prior.rewrite));
        prior.mode = strongerMode(prior.mode, claim.mode);
        if (stronger || costlier)
            prior.reason = claim.reason;
        prior.rewrite ||= claim.rewrite;
        prior.scan ||= claim.scan;
        if (claim.uncertain)
            prior.uncertain = prior.uncertain ? `${prior.uncertain}; ${claim.uncertain}` : claim.uncertain;
    }
    list() {
        return [...this.byRelation.values()];
    }
}
const claim = (relation, mode, reason, extra = {}) => ({
    relation,
    mode,
    rewrite: false,
    scan: false,
    reason,
    ...extra,
});
/**
 * The table locks a statement takes, as PostgreSQL 15 takes them (AlterTableGetLockLevel and the
 * "Table-Level Locks" documentation), with the rewrites and full scans done while holding them.
 * `schema` is the model before the statement. Statements that take no table lock return [].
 */
export function lockTakenBy(statement, schema, pgVersion = DEFAULT_PG_MAJOR) {
    // Several rules ask about the same statement against the same model state: answer once.
    const cached = lastAnswer.get(statement);
    if (cached && cached.schema === schema && cached.revision === schema.revision && cached.pgVersion === pgVersion) {
        return cached.claims.map((c) => ({ ...c }));
    }
    const claims = computeLockClaims(statement, schema, pgVersion);
    lastAnswer.set(statement, { schema, revision: schema.revision, pgVersion, claims: claims.map((c) => ({ ...c })) });
    return claims;
}
const lastAnswer = new WeakMap();
function computeLockClaims(statement, schema, pgVersion) {
    const claims = new Claims();
    const node = statement.node;
    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter?.relation && (alter.objtype === 'OBJECT_TABLE' || alter.objtype === 'OBJECT_MATVIEW')) {
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (cmd)
                alterTableClaims(cmd, tableKey(alter.relation), schema, pgVersion, claims);
        }
        return claims.list();
    }
    const index = nodeAs(node, 'IndexStmt');
    if (index?.relation) {
        const mode = index.concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock';
        return [claim(tableKey(index.relation), mode, index.concurrent ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX', { scan: true })];
    }
    const drop = nodeAs(node, 'DropStmt');
    if (drop)
        return dropClaims(drop, schema);
    const rename = nodeAs(node, 'RenameStmt');
    if (rename?.relation) {
        // PostgreSQL 12+ renames an index under SHARE UPDATE EXCLUSIVE on the index alone; its table is not locked.
        if (rename.renameType === 'OBJECT_INDEX')
            return [claim(tableKey(rename.relation), 'ShareUpdateExclusiveLock', 'ALTER INDEX … RENAME', { relationKind: 'index' })];
        if (['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT'].includes(rename.renameType ?? '')) {
            return [claim(tableKey(rename.relation), 'AccessExclusiveLock', renameReason(rename.renameType))];
        }
        return [];
    }
    const move = nodeAs(node, 'AlterObjectSchemaStmt');
    if (move?.relation && move.objectType === 'OBJECT_TABLE')
        return [claim(tableKey(move.relation), 'AccessExclusiveLock', 'SET SCHEMA')];
    const truncate = nodeAs(node, 'TruncateStmt');
    if (truncate)
        return relations(truncate.relations).map((r) => claim(tableKey(r), 'AccessExclusiveLock', 'TRUNCATE'));
    const reindex = nodeAs(node, 'ReindexStmt');
    if (reindex?.relation) {
        const concurrent = optionIsOn(reindex.params, 'concurrently');
        const mode = concurrent ? 'ShareUpdateExclusiveLock' : 'ShareLock';
        const reason = concurrent ? 'REINDEX CONCURRENTLY' : 'REINDEX';
        if (reindex.kind === 'REINDEX_OBJECT_INDEX')
            return indexClaims(tableKey(reindex.relation), schema, mode, reason, true);
        if (reindex.kind === 'REINDEX_OBJECT_TABLE')
            return [claim(tableKey(reindex.relation), mode, reason, { scan: true })];
        return [];
    }
    const vacuum = nodeAs(node, 'VacuumStmt');
    if (vacuum) {
        const full = optionIsOn(vacuum.options, 'full');
        const rels = (vacuum.rels ?? []).map((r) => nodeAs(r, 'VacuumRelation')?.relation).filter((r) => r !== undefined);
        const what = vacuum.is_vacuumcmd ? (full ? 'VACUUM FULL' : 'VACUUM') : 'ANALYZE';
        return rels.map((r) => vacuum.is_vacuumcmd && full
            ? claim(tableKey(r), 'AccessExclusiveLock', what, { rewrite: true, scan: true })
            : claim(tableKey(r), 'ShareUpdateExclusiveLock', what, { scan: true }));
    }
    const cluster = nodeAs(node, 'ClusterStmt');
    if (cluster?.relation)
        return [claim(tableKey(cluster.relation), 'AccessExclusiveLock', 'CLUSTER', { rewrite: true, scan: true })];
    const refresh = nodeAs(node, 'RefreshMatViewStmt');
    if (refresh?.relation) {
        return [refresh.concurrent
                ? claim(tableKey(refresh.relation), 'ExclusiveLock', 'REFRESH MATERIALIZED VIEW CONCURRENTLY', { scan: true })
                : claim(tableKey(refresh.relation), 'AccessExclusiveLock', 'REFRESH MATERIALIZED VIEW', { rewrite: true, scan: true })];
    }
    const lock = nodeAs(node, 'LockStmt');
    if (lock)
        return relations(lock.relations).map((r) => claim(tableKey(r), lockModeOfNumber(lock.mode ?? 8), 'LOCK TABLE'));
    for (const kind of ['UpdateStmt', 'DeleteStmt', 'InsertStmt', 'MergeStmt']) {
        const dml = nodeAs(node, kind);
        if (dml?.relation)
            return [claim(tableKey(dml.relation), 'RowExclusiveLock', kind.replace('Stmt', '').toUpperCase())];
    }
    const trigger = nodeAs(node, 'CreateTrigStmt');
    if (trigger?.relation)
        return [claim(tableKey(trigger.relation), 'ShareRowExclusiveLock', 'CREATE TRIGGER')];
    const rule = nodeAs(node, 'RuleStmt');
    if (rule?.relation)
        return [claim(tableKey(rule.relation), 'AccessExclusiveLock', 'CREATE RULE')];
    const policy = nodeAs(node, 'CreatePolicyStmt');
    if (policy?.table)
        return [claim(tableKey(policy.table), 'AccessExclusiveLock', 'CREATE POLICY')];
    const create = nodeAs(node, 'CreateStmt');
    if (create?.relation) {
        // The new table is invisible to others until commit; what matters is what it does to existing tables.
        // PARTITION OF locks the parent ACCESS EXCLUSIVE; plain INHERITS only SHARE UPDATE EXCLUSIVE (MergeAttributes)
        for (const parent of relations(create.inhRelations)) {
            claims.add(create.partbound
                ? claim(tableKey(parent), 'AccessExclusiveLock', 'CREATE TABLE … PARTITION OF')
                : claim(tableKey(parent), 'ShareUpdateExclusiveLock', 'CREATE TABLE … INHERITS'));
        }
        for (const element of create.tableElts ?? []) {
            for (const constraint of constraintsOf(element)) {
                if (constraint.contype === 'CONSTR_FOREIGN' && constraint.pktable && tableKey(constraint.pktable) !== tableKey(create.relation)) {
                    claims.add(claim(tableKey(constraint.pktable), 'ShareRowExclusiveLock', 'FOREIGN KEY of a new table'));
                }
            }
        }
        return claims.list();
    }
    return [];
}
function renameReason(type) {
    if (type === 'OBJECT_COLUMN')
        return 'RENAME COLUMN';
    if (type === 'OBJECT_TABCONSTRAINT')
        return 'RENAME CONSTRAINT';
    return 'RENAME TO';
}
function relations(nodes) {
    return (nodes ?? []).map((n) => nodeAs(n, 'RangeVar')).filter((r) => r !== undefined);
}
function constraintsOf(element) {
    const table = nodeAs(element, 'Constraint');
    if (table)
        return [table];
    return (nodeAs(element, 'ColumnDef')?.constraints ?? []).map((c) => nodeAs(c, 'Constraint')).filter((c) => c !== undefined);
}
/** Locks on an index's table when the model knows it; otherwise on the index itself. */
function indexClaims(indexKey, schema, mode, reason, scan) {
    const table = schema.index(indexKey)?.table;
    if (table)
        return [claim(table, mode, reason, { scan })];
    return [claim(indexKey, mode, reason, { scan, relationKind: 'index', uncertain: `the table of index ${indexKey} is unknown` })];
}
function dropClaims(drop, schema) {
    const claims = new Claims();
    for (const object of drop.objects ?? []) {
        const names = stringList(nodeAs(object, 'List')?.items);
        if (names.length === 0)
            continue;
        if (drop.removeType === 'OBJECT_TABLE') {
            const key = tableKey(names.join('.'));
            claims.add(claim(key, 'AccessExclusiveLock', 'DROP TABLE'));
            // its foreign keys' triggers are removed from the referenced tables too
            for (const fk of schema.table(key)?.constraints ?? []) {
                if (fk.type === 'foreign' && fk.references && fk.references.table !== key) {
                    claims.add(claim(fk.references.table, 'AccessExclusiveLock', `DROP TABLE ${splitKey(key)[1]} (its foreign key)`));
                }
            }
        }
        else if (drop.removeType === 'OBJECT_INDEX') {
            const mode = drop.concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
            for (const c of indexClaims(tableKey(names.join('.')), schema, mode, drop.concurrent ? 'DROP INDEX CONCURRENTLY' : 'DROP INDEX', false))
                claims.add(c);
        }
        else if (drop.removeType === 'OBJECT_TRIGGER' || drop.removeType === 'OBJECT_RULE' || drop.removeType === 'OBJECT_POLICY') {
            // DROP TRIGGER t ON table: the list is [schema?, table, trigger]
            claims.add(claim(tableKey(names.slice(0, -1).join('.')), 'AccessExclusiveLock', `DROP ${drop.removeType.slice(7)}`));
        }
    }
    return claims.list();
}
function alterTableClaims(cmd, key, schema, pgVersion, claims) {
    const subtype = cmd.subtype ?? '';
    const table = schema.table(key);
    const name = subtype.replace(/^AT_/, '');
    if (SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS.has(subtype)) {
        if (subtype === 'AT_AttachPartition') {
            const partition = nodeAs(cmd.def, 'PartitionCmd')?.name;
            claims.add(claim(key, pgHas('attachPartitionShareUpdateExclusive', pgVersion) ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock', 'ATTACH PARTITION'));
            // the partition is scanned to prove its rows fit the bound (unless a matching CHECK exists)
            if (partition)
                claims.add(claim(tableKey(partition), 'AccessExclusiveLock', 'ATTACH PARTITION', { scan: true }));
            return;
        }
        if (subtype === 'AT_ValidateConstraint') {
            const constraint = table?.constraints.find((c) => c.name === cmd.name);
            claims.add(claim(key, 'ShareUpdateExclusiveLock', 'VALIDATE CONSTRAINT', { scan: true }));
            if (constraint?.type === 'foreign' && constraint.references && constraint.references.table !== key) {
                claims.add(claim(constraint.references.table, 'RowShareLock', 'VALIDATE CONSTRAINT (referenced rows)'));
            }
            return;
        }
        claims.add(claim(key, 'ShareUpdateExclusiveLock', name));
        return;
    }
    if (SHARE_ROW_EXCLUSIVE_SUBCOMMANDS.has(subtype)) {
        claims.add(claim(key, 'ShareRowExclusiveLock', 'ENABLE/DISABLE TRIGGER'));
        return;
    }
    switch (subtype) {
        case 'AT_AddColumn':
            return addColumnClaims(cmd, key, schema, pgVersion, claims);
        case 'AT_AlterColumnType':
            return alterTypeClaims(cmd, key, schema, claims);
        case 'AT_SetNotNull': {
            const column = cmd.name ? table?.columns.get(cmd.name) : undefined;
            const proven = cmd.name !== undefined && schema.provesNotNull(key, cmd.name, pgVersion);
            claims.add(claim(key, 'AccessExclusiveLock', 'SET NOT NULL', { scan: !(column?.notNull || proven) }));
            return;
        }
        case 'AT_AddConstraint': {
            const constraint = nodeAs(cmd.def, 'Constraint');
            if (constraint)
                addConstraintClaims(constraint, key, schema, claims);
            return;
        }
        case 'AT_DropConstraint': {
            claims.add(claim(key, 'AccessExclusiveLock', 'DROP CONSTRAINT'));
            const fk = table?.constraints.find((c) => c.name === cmd.name);
            if (fk?.type === 'foreign' && fk.references && fk.references.table !== key) {
                claims.add(claim(fk.references.table, 'AccessExclusiveLock', 'DROP CONSTRAINT (referenced table)'));
            }
            return;
        }
        case 'AT_DetachPartition': {
            const concurrent = nodeAs(cmd.def, 'PartitionCmd')?.concurrent ?? false;
            const partition = nodeAs(cmd.def, 'PartitionCmd')?.name;
            const mode = concurrent ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
            const reason = concurrent ? 'DETACH PARTITION CONCURRENTLY' : 'DETACH PARTITION';
            claims.add(claim(key, mode, reason));
            const partitionMode = concurrent || !pgHas('detachLocksPartitionExclusively', pgVersion) ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock';
            if (partition)
                claims.add(claim(tableKey(partition), partitionMode, reason));
            return;
        }
        case 'AT_SetRelOptions':
        case 'AT_ResetRelOptions': {
            const names = (nodeAs(cmd.def, 'List')?.items ?? (cmd.def ? [cmd.def] : [])).map((o) => {
                const def = nodeAs(o, 'DefElem');
                return def?.defnamespace ? `${def.defnamespace}.${def.defname}` : (def?.defname ?? '');
            });
            claims.add(claim(key, names.every((n) => LIGHT_RELOPTIONS.test(n)) ? 'ShareUpdateExclusiveLock' : 'AccessExclusiveLock', 'SET (storage parameters)'));
            return;
        }
        case 'AT_SetLogged':
        case 'AT_SetUnLogged':
        case 'AT_SetTableSpace':
        case 'AT_SetAccessMethod': {
            const forms = { AT_SetLogged: 'SET LOGGED', AT_SetUnLogged: 'SET UNLOGGED', AT_SetTableSpace: 'SET TABLESPACE' };
            const what = forms[subtype] ?? 'SET ACCESS METHOD';
            // a partitioned table has no storage of its own: only the default for future partitions changes
            claims.add(claim(key, 'AccessExclusiveLock', what, table?.partitioned ? {} : { rewrite: true, scan: true }));
            return;
        }
        default:
            claims.add(claim(key, 'AccessExclusiveLock', name.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()));
    }
}
/** A generated column computed when read (VIRTUAL, 18's default when neither STORED nor VIRTUAL is said). */
export function isVirtualGenerated(constraint, pgVersion) {
    return constraint.contype === 'CONSTR_GENERATED' && constraint.generated_kind === 'v' && pgHas('virtualGeneratedColumns', pgVersion);
}
function addColumnClaims(cmd, key, schema, pgVersion, claims) {
    const def = nodeAs(cmd.def, 'ColumnDef');
    let rewrite = false;
    let scan = false;
    let uncertain;
    const type = typeNameToString(def?.typeName);
    // a constrained domain's checks run on every existing row through a rewrite, default or not
    if (def && (isSerialType(type) || schema.isConstrainedDomain(type)))
        rewrite = true;
    for (const c of def?.constraints ?? []) {
        const constraint = nodeAs(c, 'Constraint');
        if (!constraint)
            continue;
        if (constraint.contype === 'CONSTR_DEFAULT') {
            const verdict = expressionVolatility(constraint.raw_expr, schema.functions);
            const isNull = nodeAs(constraint.raw_expr, 'A_Const')?.isnull === true;
            if (!pgHas('constantDefaultWithoutRewrite', pgVersion) && !isNull)
                rewrite = true;
            else if (verdict.volatility === 'volatile')
                rewrite = true;
            else if (verdict.volatility === 'unknown') {
                rewrite = true;
                uncertain = `volatility of ${verdict.function ?? 'the default'} is unknown`;
            }
        }
        else if (constraint.contype === 'CONSTR_IDENTITY') {
            rewrite = true;
        }
        else if (constraint.contype === 'CONSTR_GENERATED') {
            // a virtual column (18's default) is computed when read: nothing is written
            if (!isVirtualGenerated(constraint, pgVersion))
                rewrite = true;
        }
        else if (constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_PRIMARY' || constraint.contype === 'CONSTR_UNIQUE') {
            scan = true;
        }
        else if (constraint.contype === 'CONSTR_FOREIGN' && constraint.pktable) {
            claims.add(claim(tableKey(constraint.pktable), 'ShareRowExclusiveLock', 'ADD COLUMN … REFERENCES'));
        }
    }
    claims.add(claim(key, 'AccessExclusiveLock', 'ADD COLUMN', { rewrite, scan: scan || rewrite, uncertain }));
}
function alterTypeClaims(cmd, key, schema, claims) {
    const def = nodeAs(cmd.def, 'ColumnDef');
    const newType = typeNameToString(def?.typeName);
    const column = cmd.name ? schema.column(key, cmd.name) : undefined;
    const using = def?.raw_default;
    const trivialUsing = usingKeepsColumn(using, cmd.name ?? '', def?.typeName ?? {});
    if (!column) {
        claims.add(claim(key, 'AccessExclusiveLock', 'ALTER COLUMN TYPE', { rewrite: true, scan: true, uncertain: `the old type of ${cmd.name ?? 'the column'} is unknown` }));
        return;
    }
    const rewrite = !trivialUsing || !isBinaryCoercibleChange(column.type, newType);
    claims.add(claim(key, 'AccessExclusiveLock', 'ALTER COLUMN TYPE', { rewrite, scan: rewrite }));
}
function addConstraintClaims(constraint, key, schema, claims) {
    const notValid = constraint.skip_validation === true;
    switch (constraint.contype) {
        case 'CONSTR_FOREIGN':
            claims.add(claim(key, 'ShareRowExclusiveLock', 'ADD FOREIGN KEY', { scan: !notValid }));
            if (constraint.pktable && tableKey(constraint.pktable) !== key) {
                claims.add(claim(tableKey(constraint.pktable), 'ShareRowExclusiveLock', 'ADD FOREIGN KEY (referenced table)'));
            }
            return;
        case 'CONSTR_PRIMARY':
        case 'CONSTR_UNIQUE': {
            const what = constraint.contype === 'CONSTR_PRIMARY' ? 'ADD PRIMARY KEY' : 'ADD UNIQUE';
            if (constraint.indexname) {
                // USING INDEX: no build; a primary key still has to prove its columns NOT NULL
                const index = schema.index(`${splitKey(key)[0]}.${constraint.indexname}`);
                const nullable = constraint.contype === 'CONSTR_PRIMARY' && (!index || index.columns.some((c) => !schema.column(key, c)?.notNull));
                claims.add(claim(key, 'AccessExclusiveLock', `${what} USING INDEX`, { scan: nullable }));
                return;
            }
            claims.add(claim(key, 'AccessExclusiveLock', what, { scan: !partitionsHoldKey(schema, key, constraint) }));
            return;
        }
        case 'CONSTR_EXCLUSION':
            claims.add(claim(key, 'AccessExclusiveLock', 'ADD EXCLUDE', { scan: true }));
            return;
        case 'CONSTR_CHECK':
            claims.add(claim(key, 'AccessExclusiveLock', 'ADD CHECK', { scan: !notValid }));
            return;
        case 'CONSTR_NOTNULL': {
            // 18: a named NOT NULL constraint; NOT VALID leaves the old rows to a later VALIDATE CONSTRAINT
            const columns = stringList(constraint.keys);
            const already = columns.length > 0 && columns.every((c) => schema.column(key, c)?.notNull);
            claims.add(claim(key, 'AccessExclusiveLock', 'ADD NOT NULL', { scan: !notValid && !already }));
            return;
        }
        default:
            claims.add(claim(key, 'AccessExclusiveLock', 'ADD CONSTRAINT'));
    }
}
/**
 * True when ADD PRIMARY KEY / UNIQUE on a partitioned table builds nothing: every partition already has
 * the key as a PRIMARY KEY or UNIQUE constraint on the same columns, and PostgreSQL attaches their
 * indexes (checked against the server). A primary key on nullable columns still scans to set NOT NULL.
 */
export function partitionsHoldKey(schema, key, c) {
    const table = schema.table(key);
    if (!table?.partitioned || (c.contype !== 'CONSTR_PRIMARY' && c.contype !== 'CONSTR_UNIQUE'))
        return false;
    const columns = stringList(c.keys).join(',');
    if (c.contype === 'CONSTR_PRIMARY' && !stringList(c.keys).every((col) => table.columns.get(col)?.notNull))
        return false;
    const partitions = [...schema.tables.values()].filter((t) => t.partitionOf === table.key);
    return partitions.length > 0 && partitions.every((p) => p.constraints.some((k) => (k.type === 'unique' || k.type === 'primary') && k.columns.join(',') === columns));
}
