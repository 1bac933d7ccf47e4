/** A row set as pg returns it. */
export interface PgQueryResult<R = any> {
    rows: R[];
    /** Rows the command touched or returned; null for commands that report none. */
    rowCount: number | null;
    command: string;
    /** The result's columns, in order. */
    fields: Array<{
        name: string;
        dataTypeID: number;
    }>;
}
/** A query as text with its parameters, or pg's config object form. */
export interface PgQueryConfig {
    text: string;
    values?: unknown[];
}
/** A connection: a pg `Client`, a `PoolClient` checked out of a pool, or anything with the same `query`. */
export interface PgClient {
    query<R = any>(queryText: string | PgQueryConfig, values?: unknown[]): Promise<PgQueryResult<R>>;
}
/** A connection pgwarden opened itself (and so closes). */
export interface PgConnection extends PgClient {
    end(): Promise<void>;
}
/** A connection checked out of a pool; `release(true)` discards it instead of returning it. */
export interface PgPoolClient extends PgClient {
    release(destroy?: boolean | Error): void;
}
/** An application's pool (a pg `Pool`). */
export interface PgPool {
    connect(): Promise<PgPoolClient>;
}
/** What pgwarden hands pg's Client to connect (the rest comes from the PG* variables, as libpq reads them). */
export interface PgConnectionConfig {
    connectionString?: string;
    /** Startup options (`-c name=value`), e.g. the search_path of a tenant. */
    options?: string;
}
