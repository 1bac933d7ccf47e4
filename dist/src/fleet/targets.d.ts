import type { FleetConfig } from './config.js';
/** One database, or one tenant schema in a database, that the rollout migrates with its own guarded run. */
export interface FleetTarget {
    /** The database or schema name (or the name given in `list`): how journal, status and waves name it. */
    name: string;
    /** With its password, for the runner and pg_dump only: never printed. */
    url: string;
    /** `host:port/db` (and `#schema`), for messages. */
    display: string;
    /** A schema-per-tenant target: its schema, search_path and history schema. */
    schema?: string;
    searchPath?: string[];
    historySchema?: string;
}
/** Passwords to scrub from every line the fleet writes. */
export declare function secretsOf(config: FleetConfig): string[];
/** The fleet's targets, sorted by name: listed ones as given, the others found by the pattern. */
export declare function discoverTargets(config: FleetConfig): Promise<FleetTarget[]>;
/**
 * `pgwarden_<schema>`: a tenant's history beside its schema (never inside it: a restore of the tenant
 * must not rewind its history). Names past PostgreSQL's 63 bytes keep a hash to stay distinct.
 */
export declare function tenantHistorySchema(schema: string): string;
/** A directory named after the target (its backups), whatever characters the name holds. */
export declare function directoryName(name: string): string;
