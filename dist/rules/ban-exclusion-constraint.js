import { reportIndexBuildingConstraints } from './lib/locking.js';
export const banExclusionConstraint = {
    meta: {
        id: 'ban-exclusion-constraint',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Adding an EXCLUDE constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock, with no online alternative.',
        why: 'ALTER TABLE … ADD EXCLUDE takes an ACCESS EXCLUSIVE lock and builds the constraint\'s index (usually GiST) over the whole table while holding it, checking every pair of conflicting rows: every read and write of the table waits for the whole build, and GiST builds are slow. Unlike UNIQUE and PRIMARY KEY there is no USING INDEX form and no NOT VALID, so the lock cannot be avoided. Exclusion constraints declared in CREATE TABLE, or added to a table created earlier in the same migration, are not reported.',
        safeAlternative: [
            'Declare exclusion constraints when the table is created. For an existing, busy table, build a new table with the constraint and move the data over in batches, or schedule the change in a maintenance window with bounded waits:',
            '```sql',
            'SET lock_timeout = \'2s\';',
            'SET statement_timeout = \'1min\';',
            '-- plain columns (room_id WITH =) in a GiST index need the btree_gist extension',
            'CREATE EXTENSION IF NOT EXISTS btree_gist;',
            '-- pgwarden-ignore ban-exclusion-constraint: maintenance window, table has 20k rows',
            'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap',
            '  EXCLUDE USING gist (room_id WITH =, during WITH &&);',
            '```',
        ].join('\n'),
        help: 'Declare EXCLUDE constraints with CREATE TABLE; on an existing table there is no online way — use a new table or a maintenance window.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported; there is no online alternative, so suppress with a reason when the table is small.',
        lockClaim: {
            setup: 'CREATE TABLE bookings (id bigint PRIMARY KEY, room_id int, during tstzrange);',
            statement: 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);',
            table: 'bookings',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        reportIndexBuildingConstraints(ctx, 'CONSTR_EXCLUSION', 'exclusion constraint', 'an exclusion constraint');
    },
};
