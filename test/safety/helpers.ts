import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { MigrationHooks, PlannedMigration, RunLogger } from '../../src/runner/hooks.js';
import { analyzeMigrations } from '../../src/analysis/migration-analysis.js';
import { cannotRunInTransaction } from '../../src/analysis/transactions.js';

/** Three related tables with a few thousand rows, the shape of a small production database. */
export async function seed(client: pg.ClientBase): Promise<void> {
  await client.query(`
    CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL UNIQUE, note text, created_at timestamptz NOT NULL DEFAULT '2026-01-01');
    CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id int NOT NULL REFERENCES accounts(id), amount numeric(10,2) NOT NULL, tags text[]);
    CREATE INDEX orders_account_id_idx ON orders (account_id);
    CREATE TABLE events (id serial PRIMARY KEY, payload jsonb, raw bytea);
    CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 900;
    INSERT INTO accounts (email, note) SELECT 'user' || g || '@example.com', CASE WHEN g % 7 = 0 THEN NULL ELSE 'note ' || g END FROM generate_series(1, 3000) g;
    INSERT INTO orders (account_id, amount, tags) SELECT 1 + g % 3000, (g * 37 % 100000) / 100.0, ARRAY['t' || g % 5, 'tab	and "quote"'] FROM generate_series(1, 5000) g;
    INSERT INTO events (payload, raw) SELECT jsonb_build_object('n', g, 'text', E'line\\nbreak'), decode(md5(g::text), 'hex') FROM generate_series(1, 2000) g;
    ANALYZE;
  `);
}

export interface LoggedEvent {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: Record<string, unknown>;
}

export function captureLogger(): RunLogger & { events: LoggedEvent[]; text(): string } {
  const events: LoggedEvent[] = [];
  const push = (level: LoggedEvent['level']) => (event: string, fields: Record<string, unknown> = {}) => {
    events.push({ level, event, fields });
  };
  return { events, info: push('info'), warn: push('warn'), error: push('error'), text: () => JSON.stringify(events) };
}

export function migration(name: string, sql: string, tablesAtRisk: string[], extra: Partial<PlannedMigration> = {}): PlannedMigration {
  const transactional = !/pgwarden:no-transaction/.test(sql);
  const allow = /pgwarden:allow-data-loss\s+([^\n]*)/.exec(sql)?.[1].split(/[,\s]+/).filter(Boolean) ?? [];
  return { name, path: `migrations/${name}`, sql, transactional, tablesAtRisk, allowDataLoss: allow, ...extra };
}

export interface RunOutcome {
  applied: string[];
  failed?: { name: string; error: unknown };
  /** An error thrown by onFailure itself (a restore that did not complete). */
  restoreError?: unknown;
}

/** What the runner gives hooks beyond the test's own fields: the analysis' statements and risks. */
async function withAnalysis(m: PlannedMigration): Promise<PlannedMigration> {
  const [a] = await analyzeMigrations([{ name: m.name, path: m.path, text: m.sql }]);
  const tablesAtRisk = [...new Set([...m.tablesAtRisk, ...a.tablesAtRisk.map((t) => t.table)])];
  return { ...m, tablesAtRisk, risks: m.risks ?? a.risks, statements: m.statements ?? a.statements };
}

/**
 * Applies migrations the way the runner does, calling the hooks at the same points: a transactional
 * migration inside BEGIN ISOLATION LEVEL REPEATABLE READ … COMMIT/ROLLBACK, a no-transaction one
 * statement by statement, each in a REPEATABLE READ transaction of its own when it can run in one.
 * `during` runs between beforeMigration and the SQL (concurrent traffic).
 */
export async function applyWithHooks(
  url: string,
  hooks: MigrationHooks,
  given: PlannedMigration[],
  log: RunLogger,
  during?: () => Promise<void>,
): Promise<RunOutcome> {
  const migrations = await Promise.all(given.map(withAnalysis));
  const runClient = new pg.Client({ connectionString: url });
  const client = new pg.Client({ connectionString: url });
  await runClient.connect();
  await client.connect();
  const outcome: RunOutcome = { applied: [] };
  try {
    await hooks.beforeRun?.({ databaseUrl: url, migrations, client: runClient, log, historySchema: 'pgwarden' });
    for (const m of migrations) {
      const context = { migration: m, client, log };
      try {
        if (m.transactional) {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          try {
            await hooks.beforeMigration?.(context);
            await during?.();
            const ran = await client.query(m.sql);
            await hooks.afterMigration?.({ ...context, results: resultsOf(ran) });
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        } else {
          await hooks.beforeMigration?.(context);
          await during?.();
          for (const [index, statement] of (m.statements ?? []).entries()) {
            const inTransaction = cannotRunInTransaction(statement) === undefined;
            const sc = { ...context, statement: { index, text: statement.text, line: statement.range.start.line, parsed: statement, inTransaction } };
            if (inTransaction) await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
            try {
              await hooks.beforeStatement?.(sc);
              const ran = await client.query(statement.text);
              await hooks.afterStatement?.({ ...sc, results: resultsOf(ran) });
              if (inTransaction) await client.query('COMMIT');
            } catch (error) {
              if (inTransaction) await client.query('ROLLBACK');
              throw error;
            }
          }
          await hooks.afterMigration?.(context);
        }
        outcome.applied.push(m.name);
      } catch (error) {
        outcome.failed = { name: m.name, error };
        try {
          await hooks.onFailure?.({ ...context, error });
        } catch (restoreError) {
          outcome.restoreError = restoreError;
        }
        break;
      }
    }
    await hooks.afterRun?.({ databaseUrl: url, migrations, client: runClient, log, ok: !outcome.failed });
  } finally {
    await client.end();
    await runClient.end();
  }
  return outcome;
}

/** What the runner passes hooks after the SQL: each statement's command tag and row count. */
function resultsOf(value: unknown): Array<{ command: string | null; rowCount: number | null }> {
  return (Array.isArray(value) ? value : [value]).map((r: pg.QueryResult) => ({ command: r.command ?? null, rowCount: r.rowCount ?? null }));
}

/**
 * Count and checksum of every user table, computed independently of src/safety: md5 over the rows'
 * text in sorted order.
 */
export async function dataChecksums(client: pg.ClientBase): Promise<Record<string, string>> {
  const tables = await client.query<{ t: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pgwarden', 'pgwarden_backup') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables.rows) {
    const r = await client.query<{ n: string; sum: string }>(`SELECT count(*)::text AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${t} x`);
    out[t] = `${r.rows[0].n}:${r.rows[0].sum}`;
  }
  return out;
}

/** `pg_dump --schema-only` of the user schemas, without the lines that change between runs. */
export function schemaDump(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--schema-only', '--exclude-schema=pgwarden', '--exclude-schema=pgwarden_backup', `--dbname=${url}`]);
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pg_dump exited ${code}`));
      else resolve(Buffer.concat(out).toString('utf8').split('\n').filter((l) => !/^\\(un)?restrict /.test(l)).join('\n'));
    });
  });
}

/** Writes each set of migration files into a directory of its own below `root()`: one per test case. */
export function migrationSets(root: () => string): (files: Record<string, string>) => Promise<string> {
  let sets = 0;
  return async (files) => {
    const dir = join(root(), `set${++sets}`);
    await mkdir(dir);
    for (const [file, sql] of Object.entries(files)) await writeFile(join(dir, file), sql);
    return dir;
  };
}
