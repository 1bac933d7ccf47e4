/**
 * The schema's indexes by key, and by table as well: "the indexes on this table" is asked for every
 * statement that touches one (locks, redundant indexes, foreign keys), and filtering every index of the
 * history each time made linting a long history quadratic. Each table's list keeps the global order.
 * An index's `table` changes only while it is out of the map (a table rename deletes, moves, sets).
 */
export class IndexMap extends Map {
    byTable = new Map();
    /** Index key → table key, kept with every change (asked for each statement that names an index). */
    owners = new Map();
    /** Place of each key in the map's order (a new key goes last, a key set again keeps its place). */
    position = new Map();
    nextPosition = 0;
    /** Indexes set since `startFile`: what a file check has to look at instead of the whole history. */
    setInFile = new Set();
    set(key, index) {
        const previous = super.get(key);
        super.set(key, index);
        this.owners.set(key, index.table);
        if (previous === undefined)
            this.position.set(key, this.nextPosition++);
        this.setInFile.add(index);
        if (!this.byTable)
            return this;
        if (previous !== undefined && previous.table !== index.table) {
            // a key reused for another table keeps its old place in the global order: rebuild when next asked
            this.byTable = undefined;
            return this;
        }
        let list = this.byTable.get(index.table);
        if (!list)
            this.byTable.set(index.table, (list = new Map()));
        list.set(key, index);
        return this;
    }
    delete(key) {
        const previous = super.get(key);
        if (previous === undefined)
            return false;
        super.delete(key);
        this.owners.delete(key);
        this.position.delete(key);
        const list = this.byTable?.get(previous.table);
        if (list) {
            list.delete(key);
            if (list.size === 0)
                this.byTable.delete(previous.table);
        }
        return true;
    }
    clear() {
        super.clear();
        this.owners.clear();
        this.position.clear();
        this.setInFile.clear();
        this.byTable = new Map();
    }
    /** Indexes on the table (its key), in the order they were recorded. */
    onTable(table) {
        if (!this.byTable) {
            this.byTable = new Map();
            for (const [key, index] of this) {
                let list = this.byTable.get(index.table);
                if (!list)
                    this.byTable.set(index.table, (list = new Map()));
                list.set(key, index);
            }
        }
        const list = this.byTable.get(table);
        return list ? [...list.values()] : [];
    }
    /** Index key → table key (read-only: the map's own view). */
    tableOf() {
        return this.owners;
    }
    /** A new file's statements are replayed next. */
    startFile() {
        this.setInFile.clear();
    }
    /**
     * Tables that got an index since the file began (one still in the map), in the order the map lists
     * their first index: the tables of `indexesOn` grouping over the whole map that can hold a new index.
     */
    tablesWithIndexesSetInFile() {
        const tables = new Set();
        for (const index of this.setInFile)
            if (super.get(index.key) === index)
                tables.add(index.table);
        const first = (table) => this.position.get(this.onTable(table)[0].key) ?? 0;
        return [...tables].sort((a, b) => first(a) - first(b));
    }
}
