import type { PgClient } from '../db/pg-types.js';
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
export declare const OWN_SCHEMAS: string[];
/**
 * `scope`: only the objects in these schemas, and no extensions (they belong to the whole database):
 * a tenant's restore must never touch what other tenants of the database create meanwhile.
 */
export declare function readCatalog(client: PgClient, scope?: readonly string[]): Promise<Catalog>;
/** Identity of an object; a column keeps its identity when its type changes (see CatalogDiff.changed). */
export declare function objectKey(o: CatalogObject): string;
export declare function describeObject(o: CatalogObject): string;
export interface CatalogDiff {
    /** In the database now, not before: created by the run. */
    added: CatalogObject[];
    /** Before, not now: removed (or changed) by the run. */
    missing: CatalogObject[];
    /** Columns whose type changed (as they were before). */
    changed: CatalogObject[];
}
export declare function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff;
/** The statements that remove objects the run created (IF EXISTS: an earlier CASCADE may have taken them). */
export declare function dropStatements(added: CatalogObject[]): string[];
