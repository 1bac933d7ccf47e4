import { nodeAs } from '../src/sql/ast.js';
import { qualifiedName } from './lib/locking.js';
export const banAlterDomainWithAddConstraint = {
    meta: {
        id: 'ban-alter-domain-with-add-constraint',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'ALTER DOMAIN … ADD CONSTRAINT checks every column of every table that uses the domain, blocking their writes.',
        why: 'Adding a constraint to a domain makes PostgreSQL check every stored value of every column that uses the domain, in every table, while holding a SHARE lock on each of those tables: their INSERT, UPDATE and DELETE wait until all of them have been scanned. Nothing in the statement names those tables, so the cost is easy to miss in review. `ADD CONSTRAINT … NOT VALID` skips the check (new values are still checked) and `ALTER DOMAIN … VALIDATE CONSTRAINT` checks the old ones later with a lighter lock; both are quiet here, as is a domain created earlier in the same migration.',
        safeAlternative: [
            'Add the domain constraint NOT VALID, then validate it in a later migration:',
            '```sql',
            'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0) NOT VALID;',
            '```',
            '```sql',
            '-- next migration',
            'ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive_int_check;',
            '```',
            'Or put the CHECK on the table columns themselves (ADD CONSTRAINT … NOT VALID, then VALIDATE).',
        ].join('\n'),
        help: 'Add the constraint NOT VALID and VALIDATE it in a later migration, or use table CHECK constraints instead.',
        limits: 'Which tables use the domain is not listed; ADD CONSTRAINT … NOT VALID (squawk reports it too) and domains created earlier in the same file are not reported.',
        lockClaim: {
            setup: 'CREATE DOMAIN positive_int AS int;\nCREATE TABLE items (id bigint PRIMARY KEY, qty positive_int);',
            statement: 'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);',
            table: 'items',
            mode: 'ShareLock',
            rewrite: false,
        },
    },
    visits: ['AlterDomainStmt'],
    check(ctx) {
        const alter = nodeAs(ctx.statement.node, 'AlterDomainStmt');
        // subtype 'C' is ADD CONSTRAINT
        if (alter?.subtype !== 'C')
            return;
        const constraint = nodeAs(alter.def, 'Constraint');
        if (!constraint || constraint.skip_validation)
            return;
        const domain = qualifiedName(alter.typeName);
        if (domainCreatedInFile(ctx.previous.map((s) => s.node), domain))
            return;
        const name = constraint.conname ? `constraint ${constraint.conname}` : 'a constraint';
        ctx.report({
            message: `Adding ${name} to domain ${domain} checks every value of every column using it, holding a SHARE lock that blocks writes to each of those tables.`,
            location: constraint.location,
        });
    },
};
/** A domain created earlier in the file is used only by tables that are just as new. */
function domainCreatedInFile(nodes, domain) {
    const bare = domain.replace(/^public\./, '');
    return nodes.some((n) => {
        const create = nodeAs(n, 'CreateDomainStmt');
        return create !== undefined && qualifiedName(create.domainname).replace(/^public\./, '') === bare;
    });
}
