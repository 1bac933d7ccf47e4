import { blocksWrites, lockTakenBy, partitionsHoldKey } from '../../src/analysis/locks.js';
import { tableKey } from '../../src/analysis/schema.js';
import { settingChanged } from '../../src/analysis/transactions.js';
import { expressionVolatility, isSerialType } from '../../src/analysis/volatility.js';
import { nodeAs, optionIsOn, relationName, stringList, typeNameToString } from '../../src/sql/ast.js';
/** `AccessExclusiveLock` → `ACCESS EXCLUSIVE`, the way PostgreSQL's documentation names modes. */
export function lockName(mode) {
    return mode.replace(/Lock$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
/** `an ACCESS EXCLUSIVE`, `a SHARE`: the mode's name with its article. */
export function aLock(mode) {
    const name = lockName(mode);
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
/** What other sessions cannot do while `mode` is held (or queued for). */
export function blockedWork(mode) {
    if (mode === 'AccessExclusiveLock')
        return 'reads and writes';
    return 'writes';
}
/** An ALTER TABLE on a table (not an index, view or sequence), with its commands unwrapped. */
export function tableAlter(statement) {
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    if (!alter?.relation || (alter.objtype !== undefined && alter.objtype !== 'OBJECT_TABLE'))
        return undefined;
    const cmds = (alter.cmds ?? []).map((c) => nodeAs(c, 'AlterTableCmd')).filter((c) => !!c);
    return { alter, relation: alter.relation, table: relationName(alter.relation), cmds };
}
/**
 * True when the table existed before this file: created by an earlier migration or outside the history.
 * A table created earlier in the same file (or transaction) is empty and unused by deployed code, so
 * locking, scanning or rewriting it blocks nobody.
 */
export function existingTable(ctx, relation) {
    if (relation === undefined)
        return false;
    // a materialized view or sequence made earlier in the file is as unused as a new table
    return !ctx.schema.relationCreatedInCurrentFile(relation);
}
/** The table an index belongs to, when the replayed history or the file so far knows it. */
export function indexTable(ctx, indexName) {
    const key = tableKey(indexName);
    const owner = ctx.schema.indexOwners.get(key);
    if (owner !== undefined)
        return owner;
    for (const s of ctx.previous) {
        const index = nodeAs(s.node, 'IndexStmt');
        if (index?.idxname && index.relation && tableKey(`${index.relation.schemaname ?? 'public'}.${index.idxname}`) === key) {
            return tableKey(index.relation);
        }
    }
    return undefined;
}
/** The constraint added by an AT_AddConstraint command, or the constraints of an added column. */
export function addedConstraints(cmd) {
    if (cmd.subtype === 'AT_AddConstraint') {
        const c = nodeAs(cmd.def, 'Constraint');
        return c ? [c] : [];
    }
    if (cmd.subtype === 'AT_AddColumn') {
        const col = nodeAs(cmd.def, 'ColumnDef');
        return (col?.constraints ?? []).map((n) => nodeAs(n, 'Constraint')).filter((c) => !!c);
    }
    return [];
}
/** Every constraint the statement adds to an existing table (tables created earlier in the file are skipped). */
export function constraintsAddedToExistingTable(ctx) {
    const alter = tableAlter(ctx.statement);
    if (!alter || !existingTable(ctx, alter.relation))
        return [];
    return alter.cmds.flatMap((cmd) => addedConstraints(cmd).map((constraint) => ({ alter, cmd, constraint })));
}
/** The lock mode name of the NOT VALID add of `name` earlier in the current transaction, if any. */
export function addedNotValidInThisTransaction(ctx, table, name) {
    if (!ctx.transaction.inTransaction)
        return undefined;
    for (let i = ctx.previous.length - 1; i >= 0; i--) {
        const state = ctx.transactions.states[i];
        if (!state?.inTransaction || state.id !== ctx.transaction.id)
            break;
        const alter = tableAlter(ctx.previous[i]);
        if (!alter || tableKey(alter.relation) !== table)
            continue;
        for (const cmd of alter.cmds) {
            for (const c of addedConstraints(cmd)) {
                if (c.conname === name && c.skip_validation)
                    return c.contype === 'CONSTR_FOREIGN' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
            }
        }
    }
    return undefined;
}
/**
 * Reports each constraint of one kind that builds a new index on an existing table under its ACCESS
 * EXCLUSIVE lock (PRIMARY KEY, UNIQUE without USING INDEX, EXCLUDE). `kind` names a named one in the
 * message (`primary key items_pkey`), `unnamed` one without a name (`a primary key`).
 */
export function reportIndexBuildingConstraints(ctx, contype, kind, unnamed) {
    for (const { alter, constraint: c } of constraintsAddedToExistingTable(ctx)) {
        if (c.contype !== contype || !buildsIndex(c) || partitionsHoldKey(ctx.schema, tableKey(alter.relation), c))
            continue;
        const name = c.conname ? `${kind} ${c.conname}` : unnamed;
        // a partitioned table refuses USING INDEX, but attaches each partition's matching constraint
        const keyword = contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE';
        const help = contype !== 'CONSTR_EXCLUSION' && ctx.schema.table(alter.relation)?.partitioned
            ? `${alter.table} is partitioned, where USING INDEX is refused: on each partition build the index with CREATE UNIQUE INDEX CONCURRENTLY and promote it (ALTER TABLE partition ADD CONSTRAINT … ${keyword} USING INDEX …); the ${keyword} added to ${alter.table} then attaches them without building.`
            : undefined;
        ctx.report({
            message: `Adding ${name} to ${alter.table} builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${alter.table} for the whole build.`,
            location: c.location,
            help,
        });
    }
}
/** True when a CHECK or FOREIGN KEY constraint will be checked against every existing row right away. */
export function validatesNow(c) {
    return (c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN') && !c.skip_validation;
}
/** True when the ADD builds a new index under the table lock (not `… USING INDEX`). */
export function buildsIndex(c) {
    if (c.contype === 'CONSTR_EXCLUSION')
        return true;
    return (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') && !c.indexname;
}
/** The domain name as written (`schema.name` or `name`). */
export function qualifiedName(names) {
    return stringList(names).join('.');
}
const settingStates = new Map();
function settingValueIn(statement, name) {
    const set = nodeAs(statement.node, 'VariableSetStmt');
    // RESET ALL puts every setting back to its default (no timeout)
    if (set?.kind === 'VAR_RESET_ALL')
        return { value: '0', local: false };
    if (set?.name === name) {
        if (set.kind === 'VAR_RESET' || set.kind === 'VAR_SET_DEFAULT')
            return { value: '0', local: !!set.is_local };
        return { value: settingChanged(statement)?.value ?? '0', local: !!set.is_local };
    }
    // SELECT set_config('lock_timeout', '2s', is_local)
    const select = nodeAs(statement.node, 'SelectStmt');
    for (const target of select?.targetList ?? []) {
        const call = nodeAs(nodeAs(target, 'ResTarget')?.val, 'FuncCall');
        if (!call || stringList(call.funcname).pop() !== 'set_config')
            continue;
        const [setting, value, local] = (call.args ?? []).map((a) => nodeAs(a, 'A_Const'));
        if (setting?.sval?.sval !== name)
            continue;
        return { value: value?.sval?.sval ?? String(value?.ival?.ival ?? '0'), local: local?.boolval?.boolval === true };
    }
    return undefined;
}
function disables(value) {
    // 0 (any unit) turns the timeout off
    return /^\s*0+(\.0*)?\s*[a-z]*\s*$/i.test(value);
}
/**
 * Whether `name` is set to a non-zero value for the current statement: by a session-level SET earlier in
 * the file, or by a SET LOCAL earlier in the same transaction. Call it for every statement: the engine
 * calls rules in statement order, so the state folds one statement per call and files of thousands of
 * statements stay linear (a missed call is caught up from `previous`).
 */
export function settingActive(ctx, name) {
    let perFile = settingStates.get(name);
    if (!perFile)
        settingStates.set(name, (perFile = new WeakMap()));
    let state = perFile.get(ctx.parsed);
    if (!state || state.upTo >= ctx.index) {
        state = { upTo: -1, session: false, reported: false };
        perFile.set(ctx.parsed, state);
    }
    if (state.upTo < ctx.index - 1) {
        const previous = ctx.previous;
        for (let i = state.upTo + 1; i < ctx.index; i++)
            fold(state, previous[i], ctx.transactions.states[i], name);
    }
    const here = ctx.transaction;
    const active = state.session || (state.local !== undefined && here.inTransaction && here.id === state.local);
    fold(state, ctx.statement, here, name);
    state.upTo = ctx.index;
    return { active, state };
}
function fold(state, statement, tx, name) {
    const change = statement ? settingValueIn(statement, name) : undefined;
    if (!change)
        return;
    const on = !disables(change.value);
    if (change.local) {
        // SET LOCAL outside a transaction block has no effect
        if (tx?.inTransaction)
            state.local = on ? tx.id : undefined;
    }
    else {
        state.session = on;
        if (!on)
            state.local = undefined;
    }
}
function foreignKeyTargets(constraints) {
    return constraints.filter((c) => c.contype === 'CONSTR_FOREIGN' && c.pktable).map((c) => c.pktable);
}
function tableConstraints(elements) {
    const out = [];
    for (const e of elements ?? []) {
        const c = nodeAs(e, 'Constraint');
        if (c)
            out.push(c);
        for (const n of nodeAs(e, 'ColumnDef')?.constraints ?? []) {
            const cc = nodeAs(n, 'Constraint');
            if (cc)
                out.push(cc);
        }
    }
    return out;
}
/**
 * The first existing relation the statement must lock in a mode that queues ordinary reads or writes
 * (SHARE or stronger). While such a lock request waits behind a long transaction, every later query on
 * the table waits behind it: that is what lock_timeout bounds.
 */
export function blockingLockWait(ctx) {
    const { statement } = ctx;
    const node = statement.node;
    const existing = (rel) => rel !== undefined && existingTable(ctx, rel);
    const alter = tableAlter(statement);
    if (alter) {
        // The lock model knows each subcommand's mode (SET (fillfactor …) and VALIDATE take SHARE UPDATE
        // EXCLUSIVE, which queues no reads or writes).
        const key = tableKey(alter.relation);
        const own = lockTakenBy(statement, ctx.schema, ctx.pgVersion).find((c) => c.relation === key && c.relationKind !== 'index');
        if (own && blocksWrites(own.mode) && existing(alter.relation)) {
            return { table: alter.table, mode: own.mode, location: alter.relation.location };
        }
        const referenced = foreignKeyTargets(alter.cmds.flatMap(addedConstraints)).find(existing);
        if (referenced)
            return { table: relationName(referenced), mode: 'ShareRowExclusiveLock', location: referenced.location };
        return undefined;
    }
    const create = nodeAs(node, 'CreateStmt');
    if (create) {
        const parent = create.partbound ? (create.inhRelations ?? []).map((r) => nodeAs(r, 'RangeVar')).find(existing) : undefined;
        if (parent)
            return { table: relationName(parent), mode: 'AccessExclusiveLock', location: parent.location };
        const referenced = foreignKeyTargets(tableConstraints(create.tableElts)).find(existing);
        if (referenced)
            return { table: relationName(referenced), mode: 'ShareRowExclusiveLock', location: referenced.location };
        return undefined;
    }
    const index = nodeAs(node, 'IndexStmt');
    if (index) {
        if (index.concurrent || !existing(index.relation))
            return undefined;
        return { table: relationName(index.relation), mode: 'ShareLock', location: index.relation?.location };
    }
    const drop = nodeAs(node, 'DropStmt');
    if (drop) {
        const names = (drop.objects ?? []).map((o) => stringList(nodeAs(o, 'List')?.items));
        if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent) {
            for (const n of names) {
                const owner = indexTable(ctx, n.join('.'));
                // IF EXISTS of an index the history never created most likely does nothing
                if (owner === undefined && drop.missing_ok)
                    continue;
                if (owner === undefined || existingTable(ctx, owner)) {
                    return { table: owner ?? `the table of ${n.join('.')}`, mode: 'AccessExclusiveLock' };
                }
            }
        }
        if (['OBJECT_TABLE', 'OBJECT_MATVIEW', 'OBJECT_VIEW'].includes(drop.removeType ?? '')) {
            const name = names.find((n) => existingTable(ctx, n.join('.')));
            if (name)
                return { table: name.join('.'), mode: 'AccessExclusiveLock' };
        }
        if (drop.removeType === 'OBJECT_TRIGGER' || drop.removeType === 'OBJECT_POLICY' || drop.removeType === 'OBJECT_RULE') {
            const table = names[0]?.slice(0, -1).join('.');
            if (table && existingTable(ctx, table))
                return { table, mode: 'AccessExclusiveLock' };
        }
        return undefined;
    }
    const rename = nodeAs(node, 'RenameStmt');
    if (rename?.relation && ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER'].includes(rename.renameType ?? '')) {
        if (existing(rename.relation))
            return { table: relationName(rename.relation), mode: 'AccessExclusiveLock', location: rename.relation.location };
        return undefined;
    }
    const trigger = nodeAs(node, 'CreateTrigStmt');
    if (trigger?.relation && existing(trigger.relation)) {
        return { table: relationName(trigger.relation), mode: 'ShareRowExclusiveLock', location: trigger.relation.location };
    }
    const policy = nodeAs(node, 'CreatePolicyStmt') ?? nodeAs(node, 'AlterPolicyStmt');
    if (policy?.table && existing(policy.table)) {
        return { table: relationName(policy.table), mode: 'AccessExclusiveLock', location: policy.table.location };
    }
    const truncate = nodeAs(node, 'TruncateStmt');
    if (truncate) {
        const rel = (truncate.relations ?? []).map((r) => nodeAs(r, 'RangeVar')).find((r) => existing(r));
        if (rel)
            return { table: relationName(rel), mode: 'AccessExclusiveLock', location: rel.location };
        return undefined;
    }
    const lock = nodeAs(node, 'LockStmt');
    if (lock && (lock.mode ?? 8) >= 5) {
        const rel = (lock.relations ?? []).map((r) => nodeAs(r, 'RangeVar')).find((r) => existing(r));
        const modes = ['ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];
        if (rel)
            return { table: relationName(rel), mode: modes[(lock.mode ?? 8) - 5], location: rel.location };
        return undefined;
    }
    const heavy = heavyMaintenance(ctx);
    if (heavy)
        return { table: heavy.table, mode: heavy.mode, location: heavy.location };
    return undefined;
}
/** REINDEX, CLUSTER, VACUUM FULL, REFRESH MATERIALIZED VIEW on an existing relation, without CONCURRENTLY. */
function heavyMaintenance(ctx) {
    const node = ctx.statement.node;
    const reindex = nodeAs(node, 'ReindexStmt');
    if (reindex && !optionIsOn(reindex.params, 'concurrently')) {
        if (reindex.kind === 'REINDEX_OBJECT_TABLE' && reindex.relation && existingTable(ctx, reindex.relation)) {
            return { table: relationName(reindex.relation), mode: 'ShareLock', location: reindex.relation.location };
        }
        if (reindex.kind === 'REINDEX_OBJECT_INDEX' && reindex.relation) {
            const owner = indexTable(ctx, relationName(reindex.relation));
            if (owner === undefined || existingTable(ctx, owner)) {
                return { table: owner ?? `the table of ${relationName(reindex.relation)}`, mode: 'ShareLock', location: reindex.relation.location };
            }
        }
        return undefined;
    }
    const cluster = nodeAs(node, 'ClusterStmt');
    if (cluster?.relation && existingTable(ctx, cluster.relation)) {
        return { table: relationName(cluster.relation), mode: 'AccessExclusiveLock', location: cluster.relation.location };
    }
    const vacuum = nodeAs(node, 'VacuumStmt');
    if (vacuum?.is_vacuumcmd && optionIsOn(vacuum.options, 'full')) {
        const rel = (vacuum.rels ?? []).map((r) => nodeAs(r, 'VacuumRelation')?.relation).find((r) => r && existingTable(ctx, r));
        if (rel)
            return { table: relationName(rel), mode: 'AccessExclusiveLock', location: rel.location };
        if ((vacuum.rels ?? []).length === 0)
            return { table: 'every table of the database', mode: 'AccessExclusiveLock' };
        return undefined;
    }
    const refresh = nodeAs(node, 'RefreshMatViewStmt');
    if (refresh?.relation && !refresh.concurrent && existingTable(ctx, refresh.relation)) {
        return { table: relationName(refresh.relation), mode: 'AccessExclusiveLock', location: refresh.relation.location };
    }
    return undefined;
}
/**
 * The first existing relation the statement reads in full or rewrites while holding a lock that blocks
 * writes: an index build, a validating constraint, a rewriting ADD COLUMN, REINDEX, CLUSTER, VACUUM
 * FULL. (Type changes and SET NOT NULL are left to the rules that know the old type and constraints.)
 */
export function scanUnderLock(ctx) {
    const { statement } = ctx;
    const index = nodeAs(statement.node, 'IndexStmt');
    if (index) {
        if (index.concurrent || !index.relation?.inh || !existingTable(ctx, index.relation))
            return undefined;
        return { table: relationName(index.relation), mode: 'ShareLock', location: index.relation?.location, what: 'builds an index on' };
    }
    const alter = tableAlter(statement);
    if (alter) {
        if (!existingTable(ctx, alter.relation))
            return undefined;
        for (const cmd of alter.cmds) {
            for (const c of addedConstraints(cmd)) {
                if (validatesNow(c) && cmd.subtype === 'AT_AddConstraint') {
                    const mode = c.contype === 'CONSTR_FOREIGN' ? 'ShareRowExclusiveLock' : 'AccessExclusiveLock';
                    return { table: alter.table, mode, location: c.location, what: 'validates every row of' };
                }
                if (validatesNow(c) || (buildsIndex(c) && !partitionsHoldKey(ctx.schema, tableKey(alter.relation), c))) {
                    return { table: alter.table, mode: 'AccessExclusiveLock', location: c.location, what: buildsIndex(c) ? 'builds an index on' : 'validates every row of' };
                }
                if (c.contype === 'CONSTR_GENERATED' || c.contype === 'CONSTR_IDENTITY') {
                    return { table: alter.table, mode: 'AccessExclusiveLock', location: c.location, what: 'rewrites' };
                }
            }
            const col = cmd.subtype === 'AT_AddColumn' ? nodeAs(cmd.def, 'ColumnDef') : undefined;
            if (col) {
                const def = (col.constraints ?? []).map((n) => nodeAs(n, 'Constraint')).find((c) => c?.contype === 'CONSTR_DEFAULT');
                const volatileDefault = def && expressionVolatility(def.raw_expr, ctx.schema.functions).volatility === 'volatile';
                const type = typeNameToString(col.typeName);
                if (volatileDefault || isSerialType(type) || ctx.schema.isConstrainedDomain(type)) {
                    return { table: alter.table, mode: 'AccessExclusiveLock', location: col.location, what: 'rewrites' };
                }
            }
            if (cmd.subtype === 'AT_SetLogged' || cmd.subtype === 'AT_SetUnLogged') {
                return { table: alter.table, mode: 'AccessExclusiveLock', location: alter.relation.location, what: 'rewrites' };
            }
        }
        return undefined;
    }
    const heavy = heavyMaintenance(ctx);
    if (heavy) {
        const what = nodeAs(statement.node, 'ReindexStmt') ? 'rebuilds the indexes of' : 'rewrites';
        return { ...heavy, what };
    }
    const domain = nodeAs(statement.node, 'AlterDomainStmt');
    const dc = nodeAs(domain?.def, 'Constraint');
    if (domain?.subtype === 'C' && dc && !dc.skip_validation) {
        return { table: `every table using domain ${qualifiedName(domain.typeName)}`, mode: 'ShareLock', location: dc.location, what: 'checks the values of' };
    }
    return undefined;
}
