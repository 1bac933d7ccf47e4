import { describe, expect, it } from 'vitest';
import { trackProgress } from '../../src/cli/interrupt.js';
import { silentLogger } from '../../src/runner/logger.js';

/** The one line ctrl-c prints depends on what the run was doing; the runner's own events tell. */
describe('what an interrupted migrate command says', () => {
  it('follows the run: backup, a migration, between migrations, a restore', () => {
    const p = trackProgress(silentLogger, true);
    p.logger.info('waiting_for_lock', { quiet: true });
    expect(p.describe('SIGINT')).toBe('interrupted (SIGINT) before any migration ran: stopped; nothing was changed');
    p.logger.info('backup.start', { message: 'taking backup' });
    expect(p.describe('SIGINT')).toMatch(/^interrupted \(SIGINT\) while taking the backup, before any migration ran: stopped; nothing was changed/);
    p.logger.info('backup.created', { message: 'backup taken' });
    p.logger.info('migrating', { migration: '0001_a', progress: true });
    expect(p.describe('SIGTERM')).toMatch(/^interrupted \(SIGTERM\) while applying 0001_a: stopped; the server rolls back its transaction and releases the run lock as the connection closes \(/);
    p.logger.info('migrated', { migration: '0001_a' });
    expect(p.describe('SIGINT')).toBe('interrupted (SIGINT) after 1 migration(s) finished: stopped between migrations; `pgwarden migrate status` shows where it stands');
    p.logger.info('migrating', { migration: '0002_b', progress: true });
    expect(p.describe('SIGINT')).toContain('while applying 0002_b: stopped; the server rolls back its transaction and releases the run lock as the connection closes; the 1 migration(s) finished before it stay as they are');
    p.logger.error('migration_failed', { migration: '0002_b' });
    p.logger.warn('restore.start', { migration: '0002_b' });
    expect(p.describe('SIGINT')).toMatch(/^interrupted \(SIGINT\) while restoring the backup after 0002_b failed: stopped; the database may be half-restored/);
    p.logger.info('restore.done', { migration: '0002_b' });
    expect(p.describe('SIGINT')).toContain('stopped between migrations');
  });

  it('reverting, and commands that change nothing', () => {
    const down = trackProgress(silentLogger, true);
    down.logger.info('reverting', { migration: '0003_c' });
    expect(down.describe('SIGINT')).toMatch(/^interrupted \(SIGINT\) while reverting 0003_c: /);
    const status = trackProgress(silentLogger, false);
    status.logger.info('migrating', { migration: '0001_a' });
    expect(status.describe('SIGINT')).toBe('interrupted (SIGINT): stopped; nothing was changed');
  });

  it('passes every event on to the real logger', () => {
    const seen: string[] = [];
    const p = trackProgress({ info: (e) => seen.push(`info ${e}`), warn: (e) => seen.push(`warn ${e}`), error: (e) => seen.push(`error ${e}`) }, true);
    p.logger.info('migrating', { migration: 'x' });
    p.logger.warn('restore.start', {});
    p.logger.error('migration_failed', {});
    expect(seen).toEqual(['info migrating', 'warn restore.start', 'error migration_failed']);
  });
});
