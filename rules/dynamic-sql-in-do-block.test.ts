import { dynamicSqlInDoBlock } from './dynamic-sql-in-do-block.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(dynamicSqlInDoBlock, {
  valid: [
    { sql: "DO $$ BEGIN UPDATE users SET plan = 'free' WHERE plan IS NULL; END $$;", why: 'static SQL in a DO block is checked like any other statement' },
    { sql: "DO $$ BEGIN EXECUTE 'ALTER TABLE users ADD COLUMN note text'; END $$;", why: 'EXECUTE of a constant string is parsed and checked' },
    { sql: "DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD COLUMN %I text', 'users', 'note'); END $$;", why: 'format() of constants is known too' },
    { sql: "CREATE FUNCTION f(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'TRUNCATE ' || t; END $$;", why: 'a function body runs later, when called, not when the migration runs' },
    { sql: "DO LANGUAGE plpython3u $$ plpy.execute('select 1') $$;", why: 'other languages are not read' },
  ],
  invalid: [
    {
      sql: "DO $$\nDECLARE t text;\nBEGIN\n  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP\n    EXECUTE format('ALTER TABLE %I ADD COLUMN tenant_id bigint', t);\n  END LOOP;\nEND $$;",
      errors: [{
        line: 5,
        column: 13,
        message: "This DO block runs SQL built while it runs (EXECUTE format('ALTER TABLE %I ADD COLUMN tenant_id bigint', t)): what it changes, locks or deletes cannot be checked, and the runner cannot tell which tables it touches.",
      }],
    },
    {
      sql: "DO $$ DECLARE name text := 'logs'; BEGIN EXECUTE 'DELETE FROM ' || name; EXECUTE 'TRUNCATE ' || name; END $$;",
      errors: [{ message: /EXECUTE 'DELETE FROM ' \|\| name/ }, { message: /EXECUTE 'TRUNCATE ' \|\| name/ }],
      why: 'each opaque EXECUTE is named',
    },
    {
      sql: "DO $$ DECLARE r record; BEGIN FOR r IN EXECUTE 'SELECT id FROM ' || quote_ident('t') LOOP END LOOP; END $$;",
      errors: 1,
      why: 'FOR … IN EXECUTE runs a dynamic query too',
    },
  ],
});
