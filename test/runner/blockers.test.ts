import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { watchBlockers } from '../../src/runner/blockers.js';

let db: TestDatabase;
let monitor: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_runner_blockers');
  monitor = await db.client();
});
afterAll(async () => {
  await monitor.end();
  await db.drop();
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('watchBlockers', () => {
  it('leaves no timer behind when the work ends before the sampling interval (a CLI would wait for it before exiting)', async () => {
    const before = timers();
    const run = await watchBlockers(monitor, 0, 60_000, async () => 'done');
    expect(run.value).toBe('done');
    expect(timers()).toBe(before);
  });

  it('samples the blockers while the work waits', async () => {
    const holder = await db.client();
    const waiter = await db.client();
    try {
      await holder.query('create table if not exists held (id int)');
      await holder.query('begin');
      await holder.query('lock table held in access exclusive mode');
      const pid = (await waiter.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      const waiting = waiter.query('select count(*) from held');
      const run = watchBlockers(monitor, pid, 20, async () => {
        await new Promise((r) => setTimeout(r, 300));
        await holder.query('commit');
        return waiting;
      });
      const { blockers } = await run;
      const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      expect(blockers.map((b) => b.pid)).toEqual([holderPid]);
    } finally {
      await holder.end();
      await waiter.end();
    }
  });
});
