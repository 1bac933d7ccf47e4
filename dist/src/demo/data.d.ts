import type { PgClient } from '../db/pg-types.js';
export declare const SEEDED_TABLES: readonly ["users", "teams", "team_members", "projects", "tasks"];
/** Runs `work` with one connection to the demo database. */
export declare function withClient<T>(url: string, work: (client: PgClient) => Promise<T>): Promise<T>;
/** Inserts the demo rows; returns the row count of each table. */
export declare function seed(url: string): Promise<Map<string, number>>;
export declare function countOf(url: string, table: (typeof SEEDED_TABLES)[number]): Promise<number>;
export interface TasksState {
    rows: number;
    /** md5 of every row in id order: equal only when every row is back exactly as it was. */
    checksum: string;
    /** An example title, to show the content itself. */
    sampleTitle: string;
    /** Whether demo/0017's index exists (a failed CREATE INDEX CONCURRENTLY leaves an invalid one). */
    titleIndex: boolean;
}
export declare function tasksState(url: string): Promise<TasksState>;
export declare function columnExists(url: string, table: string, column: string): Promise<boolean>;
