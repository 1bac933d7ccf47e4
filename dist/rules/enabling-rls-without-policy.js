import { nodeAs } from '../src/sql/ast.js';
import { tableKey } from '../src/analysis/schema.js';
import { existingTable, tableAlter } from './lib/locking.js';
export const enablingRlsWithoutPolicy = {
    meta: {
        id: 'enabling-rls-without-policy',
        category: 'breaking',
        defaultSeverity: 'warning',
        summary: 'ENABLE ROW LEVEL SECURITY on a table with no policy hides every row from roles that do not own it.',
        why: [
            'With row-level security enabled and no policy, PostgreSQL applies a default-deny policy: every role that does not own the table and lacks BYPASSRLS sees no rows, and its INSERT, UPDATE and DELETE fail. Applications that connect as such a role (Supabase\'s anon and authenticated roles, PostgREST, a read-only reporting role) lose the table the moment the migration commits, while the migration itself succeeds. FORCE ROW LEVEL SECURITY does the same to the owner.',
            'The finding is quiet when the migration history (or `--database-url`) shows a policy on the table, when this migration creates one for it, and for tables created earlier in the same file. It is a warning: an application connecting as the table\'s owner is not affected by ENABLE.',
        ].join('\n\n'),
        safeAlternative: [
            'Create the policies in the same migration, so they take effect together with RLS:',
            '```sql',
            'ALTER TABLE documents ENABLE ROW LEVEL SECURITY;',
            'CREATE POLICY documents_owner ON documents',
            '  USING (owner_id = current_setting(\'app.user_id\')::bigint);',
            '```',
        ].join('\n'),
        help: 'Create the table\'s policies in the same migration (CREATE POLICY … ON table), so that RLS never runs with none.',
        limits: 'Policies the replayed history or `--database-url` does not show are unknown, so a table whose policies were created outside the migrations is reported. Which role the application connects as is not known: the finding is a warning because the table\'s owner is not affected.',
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = tableAlter(ctx.statement);
        if (!alter || !existingTable(ctx, alter.relation))
            return;
        const key = tableKey(alter.relation);
        if (ctx.schema.hasPolicies(key))
            return;
        // a policy anywhere in this migration counts: in one transaction both take effect at commit
        const policyHere = ctx.parsed.statements.some((s) => {
            const policy = nodeAs(s.node, 'CreatePolicyStmt');
            return policy?.table !== undefined && tableKey(policy.table) === key;
        });
        if (policyHere)
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_EnableRowSecurity' && cmd.subtype !== 'AT_ForceRowSecurity')
                continue;
            const form = cmd.subtype === 'AT_EnableRowSecurity' ? 'ENABLE' : 'FORCE';
            ctx.report({
                message: `${form} ROW LEVEL SECURITY on ${alter.table}, which has no policy${ctx.schema.table(key) ? '' : ' that this history knows of'}: roles that do not ${form === 'FORCE' ? 'bypass RLS' : 'own it'} see no rows and cannot write.`,
                location: alter.relation.location,
            });
        }
    },
};
