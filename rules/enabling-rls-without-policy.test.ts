import { enablingRlsWithoutPolicy } from './enabling-rls-without-policy.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const documents = 'CREATE TABLE documents (id bigint PRIMARY KEY, owner_id bigint NOT NULL);';

ruleTester(enablingRlsWithoutPolicy, {
  valid: [
    { sql: `${documents}\nALTER TABLE documents ENABLE ROW LEVEL SECURITY;`, why: 'a table created in the same file: nobody reads it yet' },
    {
      sql: "ALTER TABLE documents ENABLE ROW LEVEL SECURITY;\nCREATE POLICY documents_owner ON public.documents USING (owner_id = current_setting('app.user_id')::bigint);",
      history: [documents],
      why: 'the policy comes in the same migration',
    },
    { sql: 'ALTER TABLE documents ENABLE ROW LEVEL SECURITY;', history: [documents, 'CREATE POLICY p ON documents USING (true);'], why: 'a policy from an earlier migration' },
    { sql: 'ALTER TABLE documents DISABLE ROW LEVEL SECURITY;', history: [documents] },
    { sql: 'ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;', history: ['CREATE POLICY own ON auth.users USING (true);'], why: 'a policy on a table from outside the history' },
    { sql: 'ALTER TABLE docs ENABLE ROW LEVEL SECURITY;', history: [documents, 'CREATE POLICY p ON documents USING (true);', 'ALTER TABLE documents RENAME TO docs;'], why: 'policies follow a renamed table' },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE documents ENABLE ROW LEVEL SECURITY;',
      history: [documents],
      errors: [{ line: 1, column: 13, message: 'ENABLE ROW LEVEL SECURITY on documents, which has no policy: roles that do not own it see no rows and cannot write.' }],
    },
    {
      sql: 'ALTER TABLE documents FORCE ROW LEVEL SECURITY;',
      history: [documents, 'CREATE POLICY p ON documents USING (true);', 'DROP POLICY p ON documents;'],
      errors: [{ message: /^FORCE ROW LEVEL SECURITY on documents, which has no policy: roles that do not bypass RLS/ }],
      why: 'the only policy was dropped since',
    },
    {
      sql: 'SELECT 1;\nALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;',
      errors: [{ line: 2, message: /app\.notes, which has no policy that this history knows of/ }],
      why: 'a table from outside the history',
    },
  ],
});
