import { type Layout } from '../sql/discover.js';
export interface CreatedMigration {
    layout: Layout;
    /** Files written, the forward migration first. */
    files: string[];
}
/**
 * Writes a new migration named `<UTC timestamp>_<name>` (and its down file) following the layout the
 * directory already uses; an empty or missing directory gets `.up.sql`/`.down.sql` pairs.
 */
export declare function createMigration(dir: string, name: string, now?: Date): Promise<CreatedMigration>;
