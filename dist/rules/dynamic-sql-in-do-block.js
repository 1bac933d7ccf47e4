import { opaqueExecutes } from '../src/sql/plpgsql.js';
export const dynamicSqlInDoBlock = {
    meta: {
        id: 'dynamic-sql-in-do-block',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'A DO block that EXECUTEs SQL built at run time does something no one can check before it runs.',
        why: [
            'pgwarden checks the statements a DO block runs like any other statement, including an EXECUTE of a constant string or of',
            'format() with constant arguments. An EXECUTE of a string built from variables or query results (a loop over pg_tables, a',
            'table name read from a settings table) is opaque: which tables it alters, locks, empties or drops is only known when it',
            'runs, so no rule can check it, and pgwarden\'s runner cannot tell which tables to back up and count either. The finding',
            'names each such EXECUTE so a reviewer reads it, and says nothing about what it does. The default severity is warning: the',
            'SQL may be harmless, but it goes unchecked. Bodies of CREATE FUNCTION / CREATE PROCEDURE are not reported (they run later,',
            'when called), nor DO blocks in other languages.',
        ].join(' '),
        safeAlternative: [
            'Write the statements out, one per table, so that each one is checked (and the runner knows the tables at risk):',
            '```sql',
            "SET lock_timeout = '2s';",
            'ALTER TABLE invoices ADD COLUMN tenant_id bigint;',
            'ALTER TABLE payments ADD COLUMN tenant_id bigint;',
            '```',
            'When the list really is only known at run time, keep the DO block and record what it may touch: `-- pgwarden-ignore dynamic-sql-in-do-block: adds tenant_id to every table of schema public, each ALTER is instant`.',
        ].join('\n'),
        help: 'Write the statements out (one per table) so they are checked, or suppress with what the dynamic SQL may touch.',
        limits: 'Only PL/pgSQL DO blocks are read; function and procedure bodies run later and are not reported, and DO blocks in other languages are not read. An EXECUTE of a constant string or of format() with constant arguments is checked as SQL instead. What the dynamic SQL does is never guessed. squawk has no equivalent rule (it does not read DO bodies).',
    },
    check({ parsed, statement, file, report }) {
        if (statement.parent)
            return;
        for (const opaque of opaqueExecutes(parsed, statement)) {
            report({
                message: `This DO block runs SQL built while it runs (EXECUTE ${opaque.text.replace(/\s+/g, ' ')}): what it changes, locks or deletes cannot be checked, and the runner cannot tell which tables it touches.`,
                range: { start: file.positionAt(opaque.start), end: file.positionAt(opaque.end) },
            });
        }
    },
};
