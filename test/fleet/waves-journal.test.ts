import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { WaveSpec } from '../../src/fleet/config.js';
import { FleetUsageError } from '../../src/fleet/errors.js';
import { journalFamily, journalPath, lastRollout, latestByTarget, openJournal, readJournal } from '../../src/fleet/journal.js';
import { parseShard, planWaves, rolloutOrder, shardOf } from '../../src/fleet/waves.js';

const names = Array.from({ length: 200 }, (_, i) => `tenant_${String(i + 1).padStart(3, '0')}`);
const spec = (w: Partial<WaveSpec>): WaveSpec => ({ label: w.targets ? 'canary' : `${w.percent}%`, parallel: 1, soakMs: 0, pause: false, ...w });
const WAVES = [spec({ label: 'canary', targets: ['tenant_007'] }), spec({ percent: 5 }), spec({ percent: 25, parallel: 4 }), spec({ percent: 100, parallel: 8 })];

describe('waves', () => {
  it('cumulative percent stages over the whole fleet, canaries first, every target exactly once', () => {
    const waves = planWaves(names, WAVES);
    expect(waves.map((w) => w.members.length)).toEqual([1, 9, 40, 150]);
    expect(waves[0].members).toEqual(['tenant_007']);
    const all = waves.flatMap((w) => w.members);
    expect(new Set(all).size).toBe(200);
    expect(all.filter((n) => n === 'tenant_007')).toHaveLength(1);
    // a sample across the fleet, not its first tenants
    expect(waves[1].members.some((n) => n > 'tenant_100')).toBe(true);
  });

  it('is the same whatever order the targets come in, so resume and shards agree', () => {
    const shuffled = [...names].reverse();
    expect(planWaves(shuffled, WAVES)).toEqual(planWaves(names, WAVES));
    expect(rolloutOrder(shuffled)).toEqual(rolloutOrder(names));
    // a new tenant takes a place of its own; the others keep their order
    expect(rolloutOrder([...names, 'tenant_999']).filter((n) => n !== 'tenant_999')).toEqual(rolloutOrder(names));
  });

  it('shards split each wave without overlap, from the fleet-wide membership', () => {
    const whole = planWaves(names, WAVES);
    const shards = [1, 2, 3].map((index) => planWaves(names, WAVES, { index, count: 3 }));
    whole.forEach((wave, i) => {
      const parts = shards.flatMap((s) => s[i].members);
      expect([...parts].sort()).toEqual([...wave.members].sort());
    });
    expect(shards.every((s) => s.flatMap((w) => w.members).length > 40)).toBe(true);
    expect(shardOf('tenant_042', 3)).toBe(shardOf('tenant_042', 3));
  });

  it('refuses a canary that is not a target, and malformed shards', () => {
    expect(() => planWaves(names, [spec({ targets: ['tenant_999'] }), spec({ percent: 100 })])).toThrow("waves[0].targets: 'tenant_999' is not a target of this fleet (200 target(s) found)");
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b']) expect(() => parseShard(bad)).toThrow(FleetUsageError);
  });
});

describe('journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgwarden-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replays the last rollout, skips a torn last line, and scrubs secrets', () => {
    const path = join(dir, 'fleet.journal.jsonl');
    const j = openJournal(path, 'r1', ['hunter2']);
    j.append({ type: 'rollout', fleet: 'fleet.yaml', shard: null, latest: '0002', migrations: [], waves: ['canary', '100%'], targets: 2 });
    j.append({ type: 'target', target: 'a', wave: 0, state: 'running', version: null });
    j.append({ type: 'target', target: 'a', wave: 0, state: 'done', version: '0002', applied: ['0001', '0002'] });
    j.append({ type: 'wave', wave: 0, label: 'canary', state: 'done' });
    j.append({ type: 'target', target: 'b', wave: 1, state: 'failed', version: '0001', migration: '0002', error: 'postgres://app:hunter2@db failed', restored: true });
    j.close();
    appendFileSync(path, '{"type":"target","tar');
    const state = lastRollout(readJournal(path))!;
    expect(state.start.rollout).toBe('r1');
    expect(state.targets.get('a')?.state).toBe('done');
    expect(state.targets.get('b')).toMatchObject({ state: 'failed', migration: '0002', restored: true });
    expect([...state.wavesDone]).toEqual([0]);
    expect(state.end).toBeUndefined();
    expect(readFileSync(path, 'utf8')).not.toContain('hunter2');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nnot json\n{"type":"resume","rollout":"r1","at":"x"}\n`);
    expect(() => readJournal(path)).toThrow(/line \d+ is not JSON/);
  });

  it('merges shard journals: the latest record of each target wins', () => {
    const base = join(dir, 'fleet.journal.jsonl');
    for (const [i, target, at] of [[1, 'a', '2026-01-01T00:00:01Z'], [2, 'b', '2026-01-01T00:00:02Z'], [2, 'a', '2026-01-01T00:00:03Z']] as const) {
      appendFileSync(journalPath(base, { index: i, count: 2 }), `${JSON.stringify({ type: 'target', rollout: `s${i}`, at, target, wave: 1, state: 'done', version: at })}\n`);
    }
    const family = journalFamily(base);
    expect(family.map((p) => p.slice(dir.length + 1))).toEqual(['fleet.journal.shard-1-of-2.jsonl', 'fleet.journal.shard-2-of-2.jsonl']);
    const merged = latestByTarget(family.map(readJournal));
    expect(merged.get('a')?.rollout).toBe('s2');
    expect(merged.get('b')?.rollout).toBe('s2');
  });

  it('is written by one process at a time; the lock of a process that is gone is taken over', () => {
    const path = join(dir, 'j.jsonl');
    const first = openJournal(path, 'r1');
    expect(() => openJournal(path, 'r2')).toThrow(/is in use by another fleet run \(pid \d+/);
    first.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${path}.lock`, `${dead} ${hostname()}\n`);
    const second = openJournal(path, 'r2');
    second.close();
  });
});
