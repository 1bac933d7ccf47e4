import type { RangeVar } from '@pgsql/types';
import type { Statement } from '../sql/parser.js';
import { replayStatement } from './schema-replay.js';
import { resolveNames, resolveNamesAfter } from './search-path.js';
import type { Volatility } from './volatility.js';
import type { DomainConstraints, FunctionVolatilities } from './declared-objects.js';
import { pgHas } from './pg-features.js';
import { IndexMap } from './index-map.js';

/** Where an object was created within the replayed history. */
export interface Origin {
  /** Index of the file in the replayed set. */
  file: number;
  /** Transaction id within that file (see TransactionState.id). */
  transaction: number;
  /**
   * Index of the first file of the batch the file belongs to: parts of one migration that always deploy
   * together (Ory popx's sub-versions). Absent: the file is a batch of its own.
   */
  batch?: number;
  /** The statement that created the object (set while the model replays it). */
  statement?: Statement;
}

export interface DefaultModel {
  /** Volatile defaults are evaluated per row: ADD COLUMN with one rewrites the table. */
  volatility: Volatility;
  /** The function that made it volatile or unclassifiable, for messages. */
  function?: string;
}

export interface ColumnModel {
  name: string;
  /** Readable type as written, normalised by the parser: `int4`, `varchar(255)`, `text[]`. Serial types become their integer type. */
  type: string;
  notNull: boolean;
  /** Where SET NOT NULL made a nullable column NOT NULL (absent when it was NOT NULL from the start). */
  notNullSince?: Origin;
  hasDefault: boolean;
  default?: DefaultModel;
  /** `identity` for GENERATED … AS IDENTITY, `stored` for GENERATED ALWAYS AS (…) STORED. */
  generated?: 'identity' | 'stored';
  origin: Origin;
}

export interface IndexModel {
  /** Index name without schema (as PostgreSQL generated it when the statement named none). */
  name: string;
  /** `schema.name` of the index (an index lives in its table's schema). */
  key: string;
  /** Table key. */
  table: string;
  /** Key columns in order; an expression key is `(name)` with PostgreSQL's derived name, e.g. `(lower)`. */
  columns: string[];
  /** Comparable key parts: column name or canonical expression, with opclass, collation and order. */
  keys: string[];
  /** INCLUDE columns (stored, not searchable). */
  include: string[];
  /** Every column the index uses (keys, expressions, INCLUDE, predicate): dropping one drops the index. */
  uses: string[];
  unique: boolean;
  partial: boolean;
  /** Canonical form of the WHERE clause of a partial index. */
  predicate?: string;
  method: string;
  /** Name of the PRIMARY KEY / UNIQUE / EXCLUDE constraint the index backs. */
  constraint?: string;
  /** Increases with each index the model records: orders indexes made by one statement. */
  sequence: number;
  origin: Origin;
}

export type ConstraintType = 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion' | 'not-null';

export interface ConstraintModel {
  name: string;
  type: ConstraintType;
  columns: string[];
  /** For a foreign key: the referenced table's key (columns empty when they default to its primary key). */
  references?: { table: string; columns: string[] };
  /** For a foreign key: what deleting a referenced row does to the referencing rows. */
  onDelete?: 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
  validated: boolean;
  /** For a CHECK: the columns it proves NOT NULL (`CHECK (a IS NOT NULL AND …)`). */
  impliesNotNull?: string[];
  /** Index backing a primary key, unique or exclusion constraint. */
  index?: string;
  /** Node location (relative to the creating statement's locationBase) of the declaration, for findings. */
  location?: number;
  origin: Origin;
}

export interface TableModel {
  /** `schema.name`, unqualified names resolved to `public`. */
  key: string;
  columns: Map<string, ColumnModel>;
  /** False for LIKE, CREATE TABLE AS, SELECT INTO: columns not listed here may exist. */
  shapeKnown: boolean;
  /** Indexes on the table (including those backing constraints). */
  readonly indexes: IndexModel[];
  constraints: ConstraintModel[];
  /** Parent table key of a partition. */
  partitionOf?: string;
  partitioned: boolean;
  unlogged: boolean;
  origin: Origin;
}

export interface ViewModel {
  key: string;
  materialized: boolean;
  /** A materialized view created WITH NO DATA and not refreshed since: nothing can read it yet. */
  unpopulated?: boolean;
  origin: Origin;
}

/** A sequence created by CREATE SEQUENCE (serial and identity sequences belong to their column). */
export interface SequenceModel {
  key: string;
  origin: Origin;
}

export interface EnumModel {
  key: string;
  values: string[];
  origin: Origin;
}

/** Resolves a possibly unqualified name the way the default search_path does. */
export function tableKey(name: string | RangeVar): string {
  if (typeof name === 'string') return name.includes('.') ? name : `public.${name}`;
  return `${name.schemaname ?? 'public'}.${name.relname ?? ''}`;
}

/** `public.users` → [`public`, `users`]. */
export function splitKey(key: string): [string, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/**
 * The schema as the replayed migrations built it. Objects created outside the history are unknown
 * (`undefined`), never guessed: rules treat unknown as "existing table of unknown shape".
 */
export class SchemaModel {
  readonly tables = new Map<string, TableModel>();
  /** Every index by `schema.name`, including indexes on tables the history never created. */
  readonly indexes: Map<string, IndexModel> & Pick<IndexMap, 'onTable' | 'tableOf'> = new IndexMap();
  private readonly indexMap = this.indexes as IndexMap;
  /** Origins the current file's statements gave the objects they created. */
  private originsInFile: Origin[] = [];

  /**
   * An origin's statement (its AST, and through its text the whole file) is read only while its file is
   * checked: rules report on what the current file created (`createdBy`). Kept for every object of the
   * history, they held every file in memory to the end of the run, a multiple of the history's size.
   */
  private forgetStatements(): void {
    for (const origin of this.originsInFile) delete origin.statement;
    this.originsInFile = [];
  }

  /** Tables a constraint was added to since the current file began. */
  private readonly constrainedInFile = new Set<TableModel>();
  readonly views = new Map<string, ViewModel>();
  readonly enums = new Map<string, EnumModel>();
  readonly sequences = new Map<string, SequenceModel>();
  /** Domains the history created, with their constraints. */
  readonly domains: DomainConstraints = new Map();
  /** Functions the history created, with the volatility a call of them has. */
  readonly functions: FunctionVolatilities = new Map();
  /** Table key → names of its row-level security policies (kept for tables the history did not create too). */
  readonly policies = new Map<string, Set<string>>();
  /**
   * CHECK and FOREIGN KEY constraints added to tables the history never created, by table key: a later
   * SET NOT NULL on such a table is proven by its validated CHECK all the same.
   */
  private readonly outside = new Map<string, ConstraintModel[]>();
  private current: Origin = { file: 0, transaction: 0 };
  private applied = 0;

  /** Sets the file and transaction of the statements applied next. */
  at(origin: Origin): void {
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
  tablesWithIndexesSetInFile(): string[] {
    return this.indexMap.tablesWithIndexesSetInFile();
  }

  /** Tables of the model that a constraint was added to since the current file's first statement. */
  tablesConstrainedInFile(): TableModel[] {
    return [...this.constrainedInFile].filter((t) => this.tables.get(t.key) === t);
  }

  /** The replay records a constraint added to a table of the model. */
  noteConstraintAdded(table: TableModel): void {
    this.constrainedInFile.add(table);
  }

  get origin(): Origin {
    return this.current;
  }

  /** Changes with every replayed statement: answers computed from the model stay valid while it is equal. */
  get revision(): number {
    return this.applied;
  }

  /** Index key (`schema.name`) → table key. */
  get indexOwners(): ReadonlyMap<string, string> {
    return this.indexes.tableOf();
  }

  table(name: string | RangeVar | undefined): TableModel | undefined {
    if (name === undefined) return undefined;
    return this.tables.get(tableKey(name));
  }

  column(table: string | RangeVar | undefined, column: string): ColumnModel | undefined {
    return this.table(table)?.columns.get(column);
  }

  /** Indexes on a table, known or not (an index created in the history on a table created before it). */
  indexesOn(table: string | RangeVar): IndexModel[] {
    return this.indexes.onTable(tableKey(table));
  }

  /** An index by (possibly unqualified) name. */
  index(name: string | RangeVar): IndexModel | undefined {
    return this.indexes.get(tableKey(name));
  }

  view(name: string | RangeVar): ViewModel | undefined {
    return this.views.get(tableKey(name));
  }

  enumType(name: string): EnumModel | undefined {
    return this.enums.get(tableKey(name));
  }

  /** True when `type` (`email`, `app.email`) is a domain of the history with CHECK or NOT NULL constraints. */
  isConstrainedDomain(type: string): boolean {
    return (this.domains.get(tableKey(type.replace(/\(.*$/, ''))) ?? new Set()).size > 0;
  }

  hasPolicies(table: string | RangeVar): boolean {
    return (this.policies.get(tableKey(table))?.size ?? 0) > 0;
  }

  constraint(table: string | RangeVar, name: string): ConstraintModel | undefined {
    return this.constraintsOf(table).find((c) => c.name === name);
  }

  /** The constraints known on a table: its own when the history created it, else those added to it since. */
  constraintsOf(table: string | RangeVar): ConstraintModel[] {
    return this.table(table)?.constraints ?? this.outside.get(tableKey(table)) ?? [];
  }

  /** The list of constraints added to a table the history never created (for the replay). */
  outsideConstraints(key: string): ConstraintModel[] {
    let list = this.outside.get(key);
    if (!list) this.outside.set(key, (list = []));
    return list;
  }

  dropOutsideConstraint(key: string, name: string): void {
    const list = this.outside.get(key);
    if (list) this.outside.set(key, list.filter((c) => c.name !== name));
  }

  /** Every foreign key the model knows, with the key of the table that holds it. */
  *foreignKeys(): Generator<{ table: string; constraint: ConstraintModel }> {
    for (const table of this.tables.values()) for (const c of table.constraints) if (c.type === 'foreign') yield { table: table.key, constraint: c };
    for (const [table, list] of this.outside) for (const c of list) if (c.type === 'foreign') yield { table, constraint: c };
  }

  /**
   * True when a validated CHECK (column IS NOT NULL …) proves the column holds no NULL, so that
   * SET NOT NULL skips its scan (PostgreSQL 12+; checked on 15: "existing constraints … are sufficient").
   */
  provesNotNull(table: string | RangeVar, column: string, pgVersion: number): boolean {
    return pgHas('checkProvesNotNull', pgVersion) && this.constraintsOf(table).some((c) => c.type === 'check' && c.validated && (c.impliesNotNull ?? []).includes(column));
  }

  /**
   * True when `origin` is the current file, or an earlier file of the same batch: what it created is not
   * used by deployed code yet, and holds no rows anyone reads.
   */
  isNew(origin: Origin): boolean {
    return origin.file === this.current.file || (this.current.batch !== undefined && origin.batch === this.current.batch);
  }

  /** True when the table was created earlier in the same file or batch (so it holds no rows anyone reads yet). */
  createdInCurrentFile(name: string | RangeVar | undefined): boolean {
    const t = this.table(name);
    return t !== undefined && this.isNew(t.origin);
  }

  /** True when the table was created in the transaction the current statement runs in. */
  createdInCurrentTransaction(name: string | RangeVar | undefined): boolean {
    const t = this.table(name);
    return t !== undefined && t.origin.file === this.current.file && t.origin.transaction === this.current.transaction;
  }

  /** Like createdInCurrentFile, for any relation: a table, view, materialized view or sequence made earlier in this file. */
  relationCreatedInCurrentFile(name: string | RangeVar | undefined): boolean {
    if (name === undefined) return false;
    const other = this.view(name) ?? this.sequences.get(tableKey(name));
    return this.createdInCurrentFile(name) || (other !== undefined && this.isNew(other.origin));
  }

  /** True when the column was added (or its table created) earlier in the same file. */
  columnCreatedInCurrentFile(table: string | RangeVar | undefined, column: string): boolean {
    const c = this.column(table, column);
    return c !== undefined && this.isNew(c.origin);
  }

  /** True when `name` is taken by a table, view or index in its schema (for generated names). */
  relationExists(key: string): boolean {
    return this.tables.has(key) || this.views.has(key) || this.indexes.has(key);
  }

  /** Replays one statement into the model. Statements the model does not track change nothing. */
  apply(statement: Statement): void {
    this.applied++;
    const saved = this.current;
    this.current = { ...saved, statement };
    this.originsInFile.push(this.current);
    try {
      replayStatement(this, statement.node);
    } finally {
      this.current = saved;
    }
    // the next statement's unqualified names, under a SET search_path, resolve against the model as it is now
    resolveNamesAfter(statement, (key) => this.knowsRelation(key));
  }

  /** Qualifies a file's first statement under a connection's search_path (later ones: see apply). */
  resolveNames(statement: Statement): void {
    resolveNames(statement, (key) => this.knowsRelation(key));
  }

  private knowsRelation(key: string): boolean {
    return this.relationExists(key) || this.sequences.has(key);
  }
}

/**
 * True when `origin` was created by one of `statements` (a file's parsed statements; statements inside a
 * DO block count through their DO). Use it in file-level checks: a file without statements never moves
 * the model's current origin, so `origin.file` alone cannot tell.
 */
export function createdBy(origin: Origin, statements: readonly Statement[]): boolean {
  let statement = origin.statement;
  while (statement?.parent) statement = statement.parent;
  return statement !== undefined && statementSet(statements).has(statement);
}

/**
 * File checks ask this for every object of the history: a search of the file's statements each time
 * made them quadratic. The set is kept per array and rebuilt when the array has grown.
 */
const statementSets = new WeakMap<readonly Statement[], Set<Statement>>();
function statementSet(statements: readonly Statement[]): Set<Statement> {
  let set = statementSets.get(statements);
  if (set === undefined || set.size !== statements.length) {
    set = new Set(statements);
    statementSets.set(statements, set);
  }
  return set;
}

/** Creates a TableModel whose `indexes` always reflect the schema's index map. */
export function newTable(schema: SchemaModel, key: string, origin: Origin): TableModel {
  const table = {
    key,
    columns: new Map<string, ColumnModel>(),
    shapeKnown: true,
    constraints: [] as ConstraintModel[],
    partitioned: false,
    unlogged: false,
    origin,
  };
  Object.defineProperty(table, 'indexes', { enumerable: false, get: () => schema.indexesOn(table.key) });
  return table as TableModel;
}
