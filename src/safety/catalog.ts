import type { PgClient } from '../db/pg-types.js';
import { quoteIdent, quoteLiteral } from './names.js';

/**
 * The user-visible schema objects of a database, recorded before a run so that a restore can drop
 * what the run created and tell what it removed. pgwarden's own schemas are left out: the runner's
 * history must survive a restore.
 */
export interface CatalogObject {
  kind: 'schema' | 'extension' | 'table' | 'view' | 'materialized view' | 'sequence' | 'foreign table' | 'index' | 'constraint' | 'trigger' | 'column' | 'type' | 'function';
  schema: string;
  name: string;
  /** Owning table of an index, constraint, trigger, column or owned sequence. */
  table?: string;
  /** Column type, function identity arguments. */
  detail?: string;
}

export interface Catalog {
  objects: CatalogObject[];
  /** `schema.sequence` → value to restore with setval (`null` when never called). */
  sequences: Record<string, string | null>;
}

export const OWN_SCHEMAS = ['pgwarden', 'pgwarden_backup'];

/** The user schemas, or only `schemas` when the safety net is scoped to them (SafetyOptions.schemas). */
function userNamespace(schemas?: readonly string[]): string {
  const user = `
  n.nspname NOT IN ('pg_catalog', 'information_schema', ${OWN_SCHEMAS.map((s) => `'${s}'`).join(', ')})
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;
  return schemas ? `${user} AND n.nspname IN (${schemas.map(quoteLiteral).join(', ')})` : user;
}

// Objects that belong to an extension come and go with it.
const NOT_EXTENSION_MEMBER = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

const RELKINDS: Record<string, CatalogObject['kind']> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'materialized view',
  S: 'sequence',
  f: 'foreign table',
  i: 'index',
  I: 'index',
};

/**
 * `scope`: only the objects in these schemas, and no extensions (they belong to the whole database):
 * a tenant's restore must never touch what other tenants of the database create meanwhile.
 */
export async function readCatalog(client: PgClient, scope?: readonly string[]): Promise<Catalog> {
  const USER_NAMESPACE = userNamespace(scope);
  const objects: CatalogObject[] = [];
  const schemas = await client.query<{ name: string }>(
    `SELECT n.nspname AS name FROM pg_namespace n WHERE ${USER_NAMESPACE} AND ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')} ORDER BY 1`,
  );
  for (const r of schemas.rows) objects.push({ kind: 'schema', schema: r.name, name: r.name });
  const extensions = scope ? { rows: [] } : await client.query<{ name: string }>(`SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`);
  for (const r of extensions.rows) objects.push({ kind: 'extension', schema: '', name: r.name });
  const relations = await client.query<{ schema: string; name: string; relkind: string; owner: string | null }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relkind,
            coalesce(
              (SELECT t.relname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid WHERE x.indexrelid = c.oid),
              -- a sequence owned by a column (serial, identity) belongs to that table
              (SELECT t.relname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)) AS owner
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p','v','m','S','f','i','I') AND ${USER_NAMESPACE} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
      ORDER BY 1, 2`,
  );
  for (const r of relations.rows) {
    objects.push({ kind: RELKINDS[r.relkind], schema: r.schema, name: r.name, ...(r.owner ? { table: r.owner } : {}) });
  }
  const columns = await client.query<{ schema: string; table: string; name: string; type: string }>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p','f') AND a.attnum > 0 AND NOT a.attisdropped AND ${USER_NAMESPACE}
        AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
      ORDER BY 1, 2, a.attnum`,
  );
  for (const r of columns.rows) objects.push({ kind: 'column', schema: r.schema, table: r.table, name: r.name, detail: r.type });
  const constraints = await client.query<{ schema: string; table: string; name: string }>(
    // not NOT NULL constraints (catalogued from PostgreSQL 18 on): they are part of the column, which a
    // re-created column brings back, and the schema dump compares them on every version
    `SELECT n.nspname AS schema, c.relname AS table, k.conname AS name
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_NAMESPACE} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')} AND k.contype <> 'n' ORDER BY 1, 2, 3`,
  );
  for (const r of constraints.rows) objects.push({ kind: 'constraint', ...r });
  const triggers = await client.query<{ schema: string; table: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND ${USER_NAMESPACE} ORDER BY 1, 2, 3`,
  );
  for (const r of triggers.rows) objects.push({ kind: 'trigger', ...r });
  const types = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, t.typname AS name
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype IN ('e','d','r','m','c') AND ${USER_NAMESPACE}
        AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
      ORDER BY 1, 2`,
  );
  for (const r of types.rows) objects.push({ kind: 'type', ...r });
  const functions = await client.query<{ schema: string; name: string; args: string }>(
    `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${USER_NAMESPACE} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')} ORDER BY 1, 2, 3`,
  );
  for (const r of functions.rows) objects.push({ kind: 'function', schema: r.schema, name: r.name, detail: r.args });
  const sequences: Record<string, string | null> = {};
  for (const s of objects.filter((o) => o.kind === 'sequence')) {
    const v = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdent(s.schema)}.${quoteIdent(s.name)}`,
    );
    sequences[`${s.schema}.${s.name}`] = v.rows[0].is_called ? v.rows[0].last_value : null;
  }
  return { objects, sequences };
}

/** Identity of an object; a column keeps its identity when its type changes (see CatalogDiff.changed). */
export function objectKey(o: CatalogObject): string {
  return [o.kind, o.schema, o.table ?? '', o.name, o.kind === 'column' ? '' : (o.detail ?? '')].join('\u0000');
}

export function describeObject(o: CatalogObject): string {
  const where = o.table ? `${o.schema}.${o.table}.${o.name}` : o.schema && o.kind !== 'schema' ? `${o.schema}.${o.name}` : o.name;
  return `${o.kind} ${where}${o.kind === 'function' ? `(${o.detail ?? ''})` : o.kind === 'column' ? ` ${o.detail}` : ''}`;
}

export interface CatalogDiff {
  /** In the database now, not before: created by the run. */
  added: CatalogObject[];
  /** Before, not now: removed (or changed) by the run. */
  missing: CatalogObject[];
  /** Columns whose type changed (as they were before). */
  changed: CatalogObject[];
}

export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const had = new Set(before.objects.map(objectKey));
  const now = new Map(after.objects.map((o) => [objectKey(o), o]));
  return {
    added: after.objects.filter((o) => !had.has(objectKey(o))),
    missing: before.objects.filter((o) => !now.has(objectKey(o))),
    changed: before.objects.filter((o) => o.kind === 'column' && now.has(objectKey(o)) && now.get(objectKey(o))?.detail !== o.detail),
  };
}

// Dependents first, so that CASCADE rarely has to reach beyond what the run created.
const DROP_ORDER: CatalogObject['kind'][] = ['trigger', 'constraint', 'index', 'materialized view', 'view', 'column', 'foreign table', 'table', 'sequence', 'function', 'type', 'extension', 'schema'];

/** The statements that remove objects the run created (IF EXISTS: an earlier CASCADE may have taken them). */
export function dropStatements(added: CatalogObject[]): string[] {
  const sorted = [...added].sort((a, b) => DROP_ORDER.indexOf(a.kind) - DROP_ORDER.indexOf(b.kind));
  const addedTables = new Set(added.filter((o) => o.kind === 'table').map((o) => `${o.schema}.${o.name}`));
  const out: string[] = [];
  for (const o of sorted) {
    const rel = `${quoteIdent(o.schema)}.${quoteIdent(o.name)}`;
    const owner = o.table ? `${quoteIdent(o.schema)}.${quoteIdent(o.table)}` : '';
    // Parts of a table the run created go away with the table.
    if (o.table && addedTables.has(`${o.schema}.${o.table}`)) continue;
    switch (o.kind) {
      case 'trigger':
        out.push(`DROP TRIGGER IF EXISTS ${quoteIdent(o.name)} ON ${owner} CASCADE`);
        break;
      case 'constraint':
        out.push(`ALTER TABLE IF EXISTS ${owner} DROP CONSTRAINT IF EXISTS ${quoteIdent(o.name)} CASCADE`);
        break;
      case 'column':
        out.push(`ALTER TABLE IF EXISTS ${owner} DROP COLUMN IF EXISTS ${quoteIdent(o.name)} CASCADE`);
        break;
      case 'function':
        out.push(`DROP ROUTINE IF EXISTS ${rel}(${o.detail ?? ''}) CASCADE`);
        break;
      case 'extension':
        out.push(`DROP EXTENSION IF EXISTS ${quoteIdent(o.name)} CASCADE`);
        break;
      case 'schema':
        out.push(`DROP SCHEMA IF EXISTS ${quoteIdent(o.name)} CASCADE`);
        break;
      default:
        out.push(`DROP ${o.kind.toUpperCase()} IF EXISTS ${rel} CASCADE`);
    }
  }
  return out;
}
