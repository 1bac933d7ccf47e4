import pg from 'pg';
import type { PgClient } from '../db/pg-types.js';

/**
 * Rows for the example schema (migrations-example/0001–0005), so that backups, counts and restores
 * have something to measure. Six QA accounts (@example.test) belong to no team and own no task, so
 * demo/0016 can delete them; two task titles differ only in case, so demo/0017's unique index on
 * lower-cased titles fails.
 */
const SEED_SQL = `
INSERT INTO users (email, name) SELECT format('user%s@acme.dev', g), format('User %s', g) FROM generate_series(1, 34) g;
INSERT INTO users (email, name) SELECT format('qa%s@example.test', g), format('QA account %s', g) FROM generate_series(1, 6) g;
INSERT INTO teams (name) VALUES ('Platform'), ('Billing'), ('Mobile');
INSERT INTO team_members (team_id, user_id)
  SELECT t.id, u.id FROM users u JOIN teams t ON t.id = 1 + u.id % 3 WHERE u.email LIKE '%@acme.dev';
INSERT INTO projects (team_id, name) SELECT 1 + g % 3, format('Project %s', g) FROM generate_series(1, 8) g;
INSERT INTO tasks (project_id, title, status)
  SELECT 1 + g % 8, format('Task %s', g), (ARRAY['todo', 'doing', 'done'])[1 + g % 3]::task_status FROM generate_series(1, 118) g;
INSERT INTO tasks (project_id, title) VALUES (1, 'Fix login redirect'), (2, 'Fix Login Redirect');
`;

export const SEEDED_TABLES = ['users', 'teams', 'team_members', 'projects', 'tasks'] as const;

/** Runs `work` with one connection to the demo database. */
export async function withClient<T>(url: string, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Inserts the demo rows; returns the row count of each table. */
export async function seed(url: string): Promise<Map<string, number>> {
  return withClient(url, async (client) => {
    await client.query(SEED_SQL);
    const counts = new Map<string, number>();
    for (const table of SEEDED_TABLES) counts.set(table, await rowCount(client, table));
    return counts;
  });
}

async function rowCount(client: PgClient, table: string): Promise<number> {
  const r = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
  return Number(r.rows[0].n);
}

export async function countOf(url: string, table: (typeof SEEDED_TABLES)[number]): Promise<number> {
  return withClient(url, (client) => rowCount(client, table));
}

export interface TasksState {
  rows: number;
  /** md5 of every row in id order: equal only when every row is back exactly as it was. */
  checksum: string;
  /** An example title, to show the content itself. */
  sampleTitle: string;
  /** Whether demo/0017's index exists (a failed CREATE INDEX CONCURRENTLY leaves an invalid one). */
  titleIndex: boolean;
}

export async function tasksState(url: string): Promise<TasksState> {
  return withClient(url, async (client) => {
    const r = await client.query<{ rows: string; checksum: string; sample: string; idx: boolean }>(`
      SELECT count(*)::text AS rows,
             md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) AS checksum,
             (SELECT title FROM tasks WHERE id = 1) AS sample,
             to_regclass('public.tasks_title_key') IS NOT NULL AS idx
        FROM tasks t`);
    const row = r.rows[0];
    return { rows: Number(row.rows), checksum: row.checksum, sampleTitle: row.sample, titleIndex: row.idx };
  });
}

export async function columnExists(url: string, table: string, column: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const r = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
      [table, column],
    );
    return r.rowCount === 1;
  });
}
