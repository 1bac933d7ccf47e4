import { spawnSync } from 'node:child_process';

/**
 * The major version of the test server (set by global-setup.ts before any test file is collected), so a
 * file can evaluate pgwarden's claims for the server it runs on and leave out statements that server lacks.
 */
export function testServerMajor(): number {
  const major = Number(process.env.PGWARDEN_TEST_SERVER_MAJOR);
  if (!Number.isInteger(major) || major <= 0) throw new Error('PGWARDEN_TEST_SERVER_MAJOR is not set: run the tests through vitest (test/helpers/global-setup.ts)');
  return major;
}

/** The client binary a plain `pg_dump` / `pg_restore` runs (the matrix puts each major's own first on PATH). */
export function clientOnPath(name: 'pg_dump' | 'pg_restore'): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${name} is not on PATH`);
  return found;
}
