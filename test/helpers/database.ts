import pg from 'pg';
import { randomBytes } from 'node:crypto';

export function serverUrl(): string {
  return process.env.PGWARDEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A connected client on the test database; closed by drop(). */
  client(): Promise<pg.Client>;
  drop(): Promise<void>;
}

/** Creates a database of its own for one test file; drop() removes it (terminating leftover sessions). */
export async function createTestDatabase(prefix = 'pgwarden_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const clients: pg.Client[] = [];
  return {
    name,
    url: url.toString(),
    async client() {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      clients.push(c);
      return c;
    },
    async drop() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      const a = new pg.Client({ connectionString: serverUrl() });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
