import { columnLabel, typedColumns } from './lib/column-types.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const preferTimestamptz = {
    meta: {
        id: 'prefer-timestamptz',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use timestamptz rather than timestamp without time zone.',
        why: 'timestamp (without time zone) stores a wall-clock reading with no zone: the same instant written by servers or sessions in different time zones gives different values, comparisons across daylight-saving changes go wrong, and `now()` is silently converted with the session\'s TimeZone. timestamptz stores an absolute instant (in UTC) at the same size and converts on output. Converting a column later rewrites the table under an ACCESS EXCLUSIVE lock (except on PostgreSQL ' + pgSince('timestampToTimestamptzUtcWithoutRewrite') + '+ when the session time zone is UTC).',
        safeAlternative: [
            '```sql',
            'CREATE TABLE events (',
            '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,',
            '  created_at timestamptz NOT NULL DEFAULT now()',
            ');',
            '```',
        ].join('\n'),
        help: 'Declare the column as timestamptz.',
        limits: 'Reported where timestamp without time zone is written, in new tables too; columns of temporary tables and restated types are not reported. Whether the application stores UTC consistently is not known.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (c.builtin !== 'timestamp')
                continue;
            report({ message: `${columnLabel(c)} is timestamp without time zone; use timestamptz.`, location: c.location });
        }
    },
};
