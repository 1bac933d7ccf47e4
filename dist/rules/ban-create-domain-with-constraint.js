import { nodeAs } from '../src/sql/ast.js';
import { qualifiedName } from './lib/locking.js';
export const banCreateDomainWithConstraint = {
    meta: {
        id: 'ban-create-domain-with-constraint',
        category: 'locking',
        defaultSeverity: 'warning',
        summary: 'Domains with CHECK constraints are hard to change later without blocking every table that uses them.',
        why: 'Creating the domain blocks nobody, but it is a commitment: changing its CHECK later means ALTER DOMAIN … ADD CONSTRAINT, which scans every column that uses the domain in every table under SHARE locks, and dropping and re-adding constraints on a type shared by many tables cannot be staged table by table. CHECK constraints on the table columns can be added NOT VALID and validated one table at a time. The default severity is warning: this is design advice, not an immediate lock.',
        safeAlternative: [
            'Use a plain domain (or the base type) and put the rule on each column as a table constraint, which can be changed online:',
            '```sql',
            'CREATE DOMAIN email AS text;',
            'ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email LIKE \'%@%\') NOT VALID;',
            'ALTER TABLE users VALIDATE CONSTRAINT users_email_check;',
            '```',
        ].join('\n'),
        help: 'Create the domain without a CHECK and put the check on the table columns instead.',
        limits: 'Every CREATE DOMAIN with CHECK or NOT NULL is reported, as design advice.',
    },
    visits: ['CreateDomainStmt'],
    check(ctx) {
        const create = nodeAs(ctx.statement.node, 'CreateDomainStmt');
        if (!create)
            return;
        for (const n of create.constraints ?? []) {
            const c = nodeAs(n, 'Constraint');
            if (c?.contype !== 'CONSTR_CHECK')
                continue;
            ctx.report({
                message: `Domain ${qualifiedName(create.domainname)} has a CHECK constraint: changing it later scans every table that uses the domain under a lock that blocks writes.`,
                location: c.location,
            });
        }
    },
};
