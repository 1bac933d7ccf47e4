import type { RangeVar } from '@pgsql/types';
import type { Statement } from '../sql/parser.js';
import { nodeAs, stringList, typeNameToString } from '../sql/ast.js';

/** Where an object was created within the replayed history. */
export interface Origin {
  /** Index of the file in the replayed set. */
  file: number;
  /** Transaction id within that file (see TransactionState.id). */
  transaction: number;
}

export interface ColumnModel {
  name: string;
  /** Readable type as written, normalised by the parser: `int4`, `varchar(255)`, `text[]`. */
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  origin: Origin;
}

export interface IndexModel {
  name: string;
  table: string;
  /** Key columns in order; an expression key is `(expr)`. */
  columns: string[];
  unique: boolean;
  partial: boolean;
  origin: Origin;
}

export interface ConstraintModel {
  name: string;
  type: 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion' | 'not-null';
  columns: string[];
  /** For a foreign key: the referenced table's key. */
  references?: { table: string; columns: string[] };
  validated: boolean;
  origin: Origin;
}

export interface TableModel {
  /** `schema.name`, unqualified names resolved to `public`. */
  key: string;
  columns: Map<string, ColumnModel>;
  indexes: IndexModel[];
  constraints: ConstraintModel[];
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

/**
 * The schema as the replayed migrations built it. Objects created outside the history are unknown
 * (`undefined`), never guessed: rules treat unknown as "existing table of unknown shape".
 */
export class SchemaModel {
  readonly tables = new Map<string, TableModel>();
  readonly enums = new Map<string, EnumModel>();
  /** Index name (`schema.name`) → table key. */
  readonly indexOwners = new Map<string, string>();
  private current: Origin = { file: 0, transaction: 0 };

  /** Sets the file and transaction of the statements applied next. */
  at(origin: Origin): void {
    this.current = origin;
  }

  get origin(): Origin {
    return this.current;
  }

  table(name: string | RangeVar | undefined): TableModel | undefined {
    if (name === undefined) return undefined;
    return this.tables.get(tableKey(name));
  }

  /** True when the table was created earlier in the same file (so it holds no rows anyone reads yet). */
  createdInCurrentFile(name: string | RangeVar | undefined): boolean {
    const t = this.table(name);
    return t !== undefined && t.origin.file === this.current.file;
  }

  /** True when the table was created in the transaction the current statement runs in. */
  createdInCurrentTransaction(name: string | RangeVar | undefined): boolean {
    const t = this.table(name);
    return t !== undefined && t.origin.file === this.current.file && t.origin.transaction === this.current.transaction;
  }

  /** Replays one statement into the model. */
  apply(statement: Statement): void {
    const create = nodeAs(statement.node, 'CreateStmt');
    if (create?.relation) {
      const key = tableKey(create.relation);
      const table: TableModel = { key, columns: new Map(), indexes: [], constraints: [], origin: this.current };
      for (const element of create.tableElts ?? []) {
        const col = nodeAs(element, 'ColumnDef');
        if (!col?.colname) continue;
        const constraints = (col.constraints ?? []).map((c) => nodeAs(c, 'Constraint'));
        table.columns.set(col.colname, {
          name: col.colname,
          type: typeNameToString(col.typeName),
          notNull: constraints.some((c) => c?.contype === 'CONSTR_NOTNULL' || c?.contype === 'CONSTR_PRIMARY'),
          hasDefault: constraints.some((c) => c?.contype === 'CONSTR_DEFAULT'),
          origin: this.current,
        });
      }
      this.tables.set(key, table);
      return;
    }
    const drop = nodeAs(statement.node, 'DropStmt');
    if (drop?.removeType === 'OBJECT_TABLE') {
      for (const object of drop.objects ?? []) {
        const names = stringList(nodeAs(object, 'List')?.items);
        this.tables.delete(tableKey(names.join('.')));
      }
    }
  }
}
