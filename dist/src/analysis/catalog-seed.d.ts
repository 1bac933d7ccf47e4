import type { SchemaModel } from './schema.js';
/** The one thing seeding needs from a database connection (a `pg.Client` fits). */
export interface CatalogQuerier {
    query<R extends Record<string, unknown>>(sql: string): Promise<{
        rows: R[];
    }>;
}
/**
 * The DDL, in replay order, that describes a live database's user schemas to the model. With `only`
 * (table keys, `schema.name`), the statements about other tables (their columns, constraints, indexes,
 * policies, partition bounds) are left out; types, domains, functions, views and foreign tables stay.
 */
export declare function catalogDdl(db: CatalogQuerier, only?: readonly string[]): Promise<string[]>;
/**
 * Seeds the model with a live database's tables, columns, constraints, indexes, enums, views, domains,
 * function volatilities and policy names, so that a
 * new migration is linted against the real schema. Seeded objects get file index -1: they are never
 * "created in the current file". Call before replaying the migrations that are not applied yet.
 */
export declare function seedSchemaFromCatalog(schema: SchemaModel, db: CatalogQuerier): Promise<number>;
/** Seeds the model from catalogDdl's statements (read earlier, e.g. from a stats file), as file -1. */
export declare function seedSchemaFromDdl(schema: SchemaModel, ddl: readonly string[]): void;
