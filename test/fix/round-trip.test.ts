import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { clientOnPath } from '../helpers/server.js';

/**
 * `pgwarden fix`: every rewrite lints clean for its rule and reaches, on the real server, the same
 * schema as the original (pg_dump --schema-only, pgwarden's own history schema left out), in the plain
 * layout (statement by statement once CONCURRENTLY is in the file) and in golang-migrate's (the VALIDATE
 * in a new following migration).
 */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const INIT = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, 1 + g % 50, g FROM generate_series(1, 200) g;
`;
const CHANGES = `-- orders get checked
CREATE INDEX orders_user_id_idx ON orders (user_id);
ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);
ALTER TABLE orders ADD CHECK (id > 0);
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
`;
const FIXED_RULES = ['require-concurrent-index-creation', 'adding-foreign-key-constraint', 'constraint-missing-not-valid', 'adding-not-nullable-field', 'require-lock-timeout'];

let root: string;
const dbs: TestDatabase[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pgwarden-fix-'));
});
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  if (root) await rm(root, { recursive: true, force: true });
});

async function schemaAfter(dir: string): Promise<string> {
  const db = await createTestDatabase('pgwarden_fix');
  dbs.push(db);
  const up = run(['migrate', 'up', '--dir', dir, '--database-url', db.url, '--allow-unsafe', '--backup', 'none'], dir);
  expect(up.status, up.stderr).toBe(0);
  const dump = spawnSync(clientOnPath('pg_dump'), ['--schema-only', '--no-owner', '--exclude-schema', 'pgwarden', db.url], { encoding: 'utf8' });
  expect(dump.status, dump.stderr).toBe(0);
  // pg_dump 15.14+ brackets the dump with a random \restrict key
  return dump.stdout.replace(/^\\(un)?restrict .*$/gm, '');
}

async function layout(name: string, files: Record<string, string>): Promise<{ original: string; fixed: string }> {
  const original = join(root, `${name}-original`);
  const fixed = join(root, `${name}-fixed`);
  await mkdir(original, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(original, file), text);
  await cp(original, fixed, { recursive: true });
  return { original, fixed };
}

const lintFindings = (dir: string) => (JSON.parse(run(['lint', '-f', 'json', '.'], dir).stdout) as { findings: Array<{ rule: string; file: string }> }).findings;

describe('pgwarden fix', () => {
  it('plain layout: the rewrites stay in the file, which then runs statement by statement', async () => {
    const { original, fixed } = await layout('plain', { '001_init.sql': INIT, '002_changes.sql': CHANGES });
    const dry = run(['fix', '002_changes.sql', '--dry-run'], fixed);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);');
    expect(dry.stdout).toContain('+ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;');
    expect(dry.stdout).toContain('+ALTER TABLE orders VALIDATE CONSTRAINT orders_id_check;');
    // a dry run writes nothing
    expect(await readFile(join(fixed, '002_changes.sql'), 'utf8')).toBe(CHANGES);

    const fix = run(['fix', '002_changes.sql'], fixed);
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.stdout.split('\n').filter((l) => l.includes('  fixed  ')).length).toBe(6);
    expect(lintFindings(original).filter((f) => FIXED_RULES.includes(f.rule)).length).toBeGreaterThanOrEqual(6);
    expect(lintFindings(fixed).filter((f) => FIXED_RULES.includes(f.rule) || f.rule === 'ban-concurrent-index-creation-in-transaction')).toEqual([]);
    expect(await schemaAfter(fixed)).toBe(await schemaAfter(original));
  });

  it('golang-migrate: NOT VALID in the file, VALIDATE in a new migration after it; CONCURRENTLY alone in its file', async () => {
    const { original, fixed } = await layout('golang', {
      '0001_init.up.sql': INIT,
      '0002_changes.up.sql': CHANGES.replace(/^CREATE INDEX.*\n/m, ''),
      '0010_index.up.sql': 'CREATE INDEX orders_user_id_idx ON orders (user_id);\n',
      '0011_index_shared.up.sql': 'CREATE INDEX orders_total_idx ON orders (total);\nCREATE INDEX users_email_idx ON users (email);\n',
    });
    const fix = run(['fix', '0002_changes.up.sql'], fixed);
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.stdout).toContain('created 0003_changes_validate.up.sql');
    const validate = await readFile(join(fixed, '0003_changes_validate.up.sql'), 'utf8');
    expect(validate).toContain('ALTER TABLE users VALIDATE CONSTRAINT users_email_is_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_is_not_null;\n');
    // a one-statement file runs on its own: CONCURRENTLY is enough (a SET would make it one implicit transaction)
    const index = run(['fix', '0010_index.up.sql'], fixed);
    expect(index.stderr).toBe('');
    expect(index.status).toBe(0);
    expect(await readFile(join(fixed, '0010_index.up.sql'), 'utf8')).toBe('CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);\n');
    // two statements are one query, one implicit transaction: CONCURRENTLY would fail there, so it is refused
    const shared = run(['fix', '0011_index_shared.up.sql', '--dry-run'], fixed);
    expect(shared.status).toBe(1);
    expect(shared.stderr).toMatch(/not fixed: 0011_index_shared\.up\.sql:1 require-concurrent-index-creation: golang-migrate runs this file in one transaction: move the CREATE INDEX CONCURRENTLY into a migration of its own/);
    expect((await readdir(fixed)).sort()).toEqual(['0001_init.up.sql', '0002_changes.up.sql', '0003_changes_validate.up.sql', '0010_index.up.sql', '0011_index_shared.up.sql']);
    const left = lintFindings(fixed).filter((f) => f.file !== '0011_index_shared.up.sql' && (FIXED_RULES.includes(f.rule) || f.rule === 'ban-concurrent-index-creation-in-transaction'));
    expect(left.map((f) => `${f.file} ${f.rule}`)).toEqual([]);
    expect(await schemaAfter(fixed)).toBe(await schemaAfter(original));
  });
});
