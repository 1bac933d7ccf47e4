import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../helpers/database.js';
import { testServerMajor } from '../helpers/server.js';

/** Which PostgreSQL major `pgwarden lint` checks for: --database-url's server, then the configuration, else it says what it assumed. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
const major = testServerMajor();
// DETACH PARTITION without CONCURRENTLY is reported from 14 on, where CONCURRENTLY exists
const DETACH = 'ALTER TABLE events DETACH PARTITION events_2019;\n';
const reportedOn = (m: number) => m >= 14;
// a configured major on the other side of 14 from the server's, so that which one lint used shows
const configured = reportedOn(major) ? 13 : 18;

let dir: string;

function lint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const detachReported = (stdout: string) =>
  (JSON.parse(stdout) as { findings: Array<{ rule: string }> }).findings.some((f) => f.rule === 'require-concurrent-partition-detach');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-lint-version-'));
  await writeFile(join(dir, 'detach.sql'), DETACH);
  await writeFile(join(dir, 'pgwarden.config.json'), JSON.stringify({ pgVersion: configured }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`pgwarden lint's PostgreSQL major (server ${major})`, () => {
  it('is the configured one without --database-url, and the server\'s with it', () => {
    const fromConfig = lint(['detach.sql']);
    expect(fromConfig.stderr).toBe('');
    expect(detachReported(fromConfig.stdout)).toBe(reportedOn(configured));
    const fromServer = lint(['detach.sql', '--database-url', serverUrl()]);
    expect(fromServer.stderr).toBe('');
    expect(detachReported(fromServer.stdout)).toBe(reportedOn(major));
  });

  it('a server it cannot reach is one line and exit 2, without the password', () => {
    const r = lint(['detach.sql', '--database-url', 'postgres://app:Sekr3t@127.0.0.1:1/shop']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pgwarden: cannot connect to 127\.0\.0\.1:1\/shop: connection refused/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain('Sekr3t');
  });

  // (into pipes it says nothing: test/cli/lint.test.ts lints without a configuration and expects an empty stderr)
  it('without either, says once at the terminal which major it assumed', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'pgwarden-lint-version-bare-'));
    try {
      await writeFile(join(bare, 'a.sql'), DETACH + DETACH);
      // `script` gives the run a terminal, as a developer's shell has
      const tty = spawnSync('script', ['-qec', `${process.execPath} ${bin} lint a.sql a.sql`, '/dev/null'], { cwd: bare, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const notes = tty.stdout.split('\n').filter((l) => l.startsWith('pgwarden: linting for PostgreSQL'));
      expect(notes).toEqual([
        'pgwarden: linting for PostgreSQL 15, the default: set "pgVersion" in the configuration, or pass --pg-version or --database-url, to lint for your server\'s major\r',
      ]);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
