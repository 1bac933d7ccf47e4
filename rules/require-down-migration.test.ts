import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { requireDownMigration } from './require-down-migration.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const dir = mkdtempSync(join(tmpdir(), 'pgwarden-down-'));
writeFileSync(join(dir, '000001_create_users.down.sql'), 'DROP TABLE users;\n');
writeFileSync(join(dir, 'U2__add_note.sql'), 'ALTER TABLE users DROP COLUMN note;\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sql = 'CREATE TABLE users (id bigint);';

ruleTester(requireDownMigration, {
  valid: [
    { sql, name: join(dir, '000001_create_users.up.sql'), why: 'golang-migrate pair on disk' },
    { sql, name: join(dir, 'V2__add_note.sql'), why: 'Flyway undo file on disk' },
    { sql, name: join(dir, '0003_plain.sql'), why: 'plain layout has no down files' },
    { sql, name: join(dir, '000001_create_users.down.sql'), why: 'a down file itself' },
    { sql, name: 'prisma/migrations/20240101_init/migration.sql', why: 'Prisma has no down files' },
  ],
  invalid: [
    { sql, name: join(dir, '000002_add_email.up.sql'), errors: [{ line: 1, column: 1, message: '000002_add_email.up.sql has no down migration: expected 000002_add_email.down.sql next to it.' }] },
    { sql, name: join(dir, 'V3__orders.sql'), errors: [{ message: /expected U3__orders\.sql/ }] },
    { sql: '', name: join(dir, 'V4.1__empty.sql'), errors: [{ message: /expected U4\.1__empty\.sql/ }], why: 'even an empty migration' },
  ],
});
