import { replayStatement } from './schema-replay.js';
import { resolveNames, resolveNamesAfter } from './search-path.js';
import { pgHas } from './pg-features.js';
import { IndexMap } from './index-map.js';
/** Resolves a possibly unqualified name the way the default search_path does. */
export function tableKey(name) {
    if (typeof name === 'string')
        return name.includes('.') ? name : `public.${name}`;
    return `${name.schemaname ?? 'public'}.${name.relname ?? ''}`;
}
/** `public.users` → [`public`, `users`]. */
export function splitKey(key) {
    const dot = key.indexOf('.');
    return [key.slice(0, dot), key.slice(dot + 1)];
}
/**
 * The schema as the replayed migrations built it. Objects created outside the history are unknown
 * (`undefined`), never guessed: rules treat unknown as "existing table of unknown shape".
 */
export class SchemaModel {
    tables = new Map();
    /** Every index by `schema.name`, including indexes on tables the history never created. */
    indexes = new IndexMap();
    indexMap = this.indexes;
    /** Origins the current file's statements gave the objects they created. */
    originsInFile = [];
    /**
     * An origin's statement (its AST, and through its text the whole file) is read only while its file is
     * checked: rules report on what the current file created (`createdBy`). Kept for every object of the
     * history, they held every file in memory to the end of the run, a multiple of the history's size.
     */
    forgetStatements() {
        for (const origin of this.originsInFile)
            delete origin.statement;
        this.originsInFile = [];
    }
    /** Tables a constraint was added to since the current file began. */
    constrainedInFile = new Set();
    views = new Map();
    enums = new Map();
    sequences = new Map();
    /** Domains the history created, with their constraints. */
    domains = new Map();
    /** Functions the history created, with the volatility a call of them has. */
    functions = new Map();
    /** Table key → names of its row-level security policies (kept for tables the history did not create too). */
    policies = new Map();
    /**
     * CHECK and FOREIGN KEY constraints added to tables the history never created, by table key: a later
     * SET NOT NULL on such a table is proven by its validated CHECK all the same.
     */
    outside = new Map();
    current = { file: 0, transaction: 0 };
    applied = 0;
    /** Sets the file and transaction of the statements applied next. */
    at(origin) {
        if (origin.file !== this.current.file) {
            this.indexMap.startFile();
            this.constrainedInFile.clear();
            this.forgetStatements();
        }
        this.current = origin;
    }
    /**
     * What the current file may have created, for checks run once per file: going over every index or
     * constraint of the history for each file made a long history quadratic. Each is a superset (what
     * was set since the file's first statement, still in the model); `createdBy` tells what is the file's.
     */
    tablesWithIndexesSetInFile() {
        return this.indexMap.tablesWithIndexesSetInFile();
    }
    /** Tables of the model that a constraint was added to since the current file's first statement. */
    tablesConstrainedInFile() {
        return [...this.constrainedInFile].filter((t) => this.tables.get(t.key) === t);
    }
    /** The replay records a constraint added to a table of the model. */
    noteConstraintAdded(table) {
        this.constrainedInFile.add(table);
    }
    get origin() {
        return this.current;
    }
    /** Changes with every replayed statement: answers computed from the model stay valid while it is equal. */
    get revision() {
        return this.applied;
    }
    /** Index key (`schema.name`) → table key. */
    get indexOwners() {
        return this.indexes.tableOf();
    }
    table(name) {
        if (name === undefined)
            return undefined;
        return this.tables.get(tableKey(name));
    }
    column(table, column) {
        return this.table(table)?.columns.get(column);
    }
    /** Indexes on a table, known or not (an index created in the history on a table created before it). */
    indexesOn(table) {
        return this.indexes.onTable(tableKey(table));
    }
    /** An index by (possibly unqualified) name. */
    index(name) {
        return this.indexes.get(tableKey(name));
    }
    view(name) {
        return this.views.get(tableKey(name));
    }
    enumType(name) {
        return this.enums.get(tableKey(name));
    }
    /** True when `type` (`email`, `app.email`) is a domain of the history with CHECK or NOT NULL constraints. */
    isConstrainedDomain(type) {
        return (this.domains.get(tableKey(type.replace(/\(.*$/, ''))) ?? new Set()).size > 0;
    }
    hasPolicies(table) {
        return (this.policies.get(tableKey(table))?.size ?? 0) > 0;
    }
    constraint(table, name) {
        return this.constraintsOf(table).find((c) => c.name === name);
    }
    /** The constraints known on a table: its own when the history created it, else those added to it since. */
    constraintsOf(table) {
        return this.table(table)?.constraints ?? this.outside.get(tableKey(table)) ?? [];
    }
    /** The list of constraints added to a table the history never created (for the replay). */
    outsideConstraints(key) {
        let list = this.outside.get(key);
        if (!list)
            this.outside.set(key, (list = []));
        return list;
    }
    dropOutsideConstraint(key, name) {
        const list = this.outside.get(key);
        if (list)
            this.outside.set(key, list.filter((c) => c.name !== name));
    }
    /** Every foreign key the model knows, with the key of the table that holds it. */
    *foreignKeys() {
        for (const table of this.tables.values())
            for (const c of table.constraints)
                if (c.type === 'foreign')
                    yield { table: table.key, constraint: c };
        for (const [table, list] of this.outside)
            for (const c of list)
                if (c.type === 'foreign')
                    yield { table, constraint: c };
    }
    /**
     * True when a validated CHECK (column IS NOT NULL …) proves the column holds no NULL, so that
     * SET NOT NULL skips its scan (PostgreSQL 12+; checked on 15: "existing constraints … are sufficient").
     */
    provesNotNull(table, column, pgVersion) {
        return pgHas('checkProvesNotNull', pgVersion) && this.constraintsOf(table).some((c) => c.type === 'check' && c.validated && (c.impliesNotNull ?? []).includes(column));
    }
    /**
     * True when `origin` is the current file, or an earlier file of the same batch: what it created is not
     * used by deployed code yet, and holds no rows anyone reads.
     */
    isNew(origin) {
        return origin.file === this.current.file || (this.current.batch !== undefined && origin.batch === this.current.batch);
    }
    /** True when the table was created earlier in the same file or batch (so it holds no rows anyone reads yet). */
    createdInCurrentFile(name) {
        const t = this.table(name);
        return t !== undefined && this.isNew(t.origin);
    }
    /** True when the table was created in the transaction the current statement runs in. */
    createdInCurrentTransaction(name) {
        const t = this.table(name);
        return t !== undefined && t.origin.file === this.current.file && t.origin.transaction === this.current.transaction;
    }
    /** Like createdInCurrentFile, for any relation: a table, view, materialized view or sequence made earlier in this file. */
    relationCreatedInCurrentFile(name) {
        if (name === undefined)
            return false;
        const other = this.view(name) ?? this.sequences.get(tableKey(name));
        return this.createdInCurrentFile(name) || (other !== undefined && this.isNew(other.origin));
    }
    /** True when the column was added (or its table created) earlier in the same file. */
    columnCreatedInCurrentFile(table, column) {
        const c = this.column(table, column);
        return c !== undefined && this.isNew(c.origin);
    }
    /** True when `name` is taken by a table, view or index in its schema (for generated names). */
    relationExists(key) {
        return this.tables.has(key) || this.views.has(key) || this.indexes.has(key);
    }
    /** Replays one statement into the model. Statements the model does not track change nothing. */
    apply(statement) {
        this.applied++;
        const saved = this.current;
        this.current = { ...saved, statement };
        this.originsInFile.push(this.current);
        try {
            replayStatement(this, statement.node);
        }
        finally {
            this.current = saved;
        }
        // the next statement's unqualified names, under a SET search_path, resolve against the model as it is now
        resolveNamesAfter(statement, (key) => this.knowsRelation(key));
    }
    /** Qualifies a file's first statement under a connection's search_path (later ones: see apply). */
    resolveNames(statement) {
        resolveNames(statement, (key) => this.knowsRelation(key));
    }
    knowsRelation(key) {
        return this.relationExists(key) || this.sequences.has(key);
    }
}
/**
 * True when `origin` was created by one of `statements` (a file's parsed statements; statements inside a
 * DO block count through their DO). Use it in file-level checks: a file without statements never moves
 * the model's current origin, so `origin.file` alone cannot tell.
 */
export function createdBy(origin, statements) {
    let statement = origin.statement;
    while (statement?.parent)
        statement = statement.parent;
    return statement !== undefined && statementSet(statements).has(statement);
}
/**
 * File checks ask this for every object of the history: a search of the file's statements each time
 * made them quadratic. The set is kept per array and rebuilt when the array has grown.
 */
const statementSets = new WeakMap();
function statementSet(statements) {
    let set = statementSets.get(statements);
    if (set === undefined || set.size !== statements.length) {
        set = new Set(statements);
        statementSets.set(statements, set);
    }
    return set;
}
/** Creates a TableModel whose `indexes` always reflect the schema's index map. */
export function newTable(schema, key, origin) {
    const table = {
        key,
        columns: new Map(),
        shapeKnown: true,
        constraints: [],
        partitioned: false,
        unlogged: false,
        origin,
    };
    Object.defineProperty(table, 'indexes', { enumerable: false, get: () => schema.indexesOn(table.key) });
    return table;
}
