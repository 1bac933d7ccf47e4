import type { IndexModel } from './schema.js';
/**
 * The schema's indexes by key, and by table as well: "the indexes on this table" is asked for every
 * statement that touches one (locks, redundant indexes, foreign keys), and filtering every index of the
 * history each time made linting a long history quadratic. Each table's list keeps the global order.
 * An index's `table` changes only while it is out of the map (a table rename deletes, moves, sets).
 */
export declare class IndexMap extends Map<string, IndexModel> {
    private byTable;
    /** Index key → table key, kept with every change (asked for each statement that names an index). */
    private readonly owners;
    /** Place of each key in the map's order (a new key goes last, a key set again keeps its place). */
    private readonly position;
    private nextPosition;
    /** Indexes set since `startFile`: what a file check has to look at instead of the whole history. */
    private readonly setInFile;
    set(key: string, index: IndexModel): this;
    delete(key: string): boolean;
    clear(): void;
    /** Indexes on the table (its key), in the order they were recorded. */
    onTable(table: string): IndexModel[];
    /** Index key → table key (read-only: the map's own view). */
    tableOf(): ReadonlyMap<string, string>;
    /** A new file's statements are replayed next. */
    startFile(): void;
    /**
     * Tables that got an index since the file began (one still in the map), in the order the map lists
     * their first index: the tables of `indexesOn` grouping over the whole map that can hold a new index.
     */
    tablesWithIndexesSetInFile(): string[];
}
