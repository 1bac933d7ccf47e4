import { describe, expect, it } from 'vitest';
import { above, below, formatBytes, formatCount, formatSeconds, parseSizeThreshold } from '../../src/live/thresholds.js';
import { estimateLock } from '../../src/live/estimate.js';
import { statsAge } from '../../src/live/stats-file.js';
import type { LiveFacts, TableFacts } from '../../src/live/facts.js';

const table = (over: Partial<TableFacts> = {}): TableFacts => ({
  rows: 2_000_000, tableBytes: 100 * 1024 ** 2, indexBytes: 50 * 1024 ** 2, totalBytes: 150 * 1024 ** 2,
  writesPerSecond: 200, scansPerSecond: 50, modifiedSinceAnalyze: 0, sessions: 0, ...over,
});
const throughput = { rewriteBytesPerSecond: 50 * 1024 ** 2, indexBytesPerSecond: 25 * 1024 ** 2, scanBytesPerSecond: 100 * 1024 ** 2, source: 'calibrated' as const };

describe('size thresholds', () => {
  it('reads rows and bytes', () => {
    expect(parseSizeThreshold('10000')).toEqual({ rows: 10000 });
    expect(parseSizeThreshold('10k')).toEqual({ rows: 10000 });
    expect(parseSizeThreshold('2M')).toEqual({ rows: 2e6 });
    expect(parseSizeThreshold(500)).toEqual({ rows: 500 });
    expect(parseSizeThreshold('64MB')).toEqual({ bytes: 64 * 1024 ** 2 });
    expect(parseSizeThreshold('1 GB')).toEqual({ bytes: 1024 ** 3 });
    expect(parseSizeThreshold('8kB')).toEqual({ bytes: 8192 });
    expect(parseSizeThreshold('lots')).toBeUndefined();
    expect(parseSizeThreshold('10 parsecs')).toBeUndefined();
  });
  it('compares a table by the unit of the threshold', () => {
    const t = { rows: 5000, totalBytes: 2 * 1024 ** 3 };
    expect(below({ rows: 10000 }, t)).toBe(true);
    expect(below({ bytes: 1024 ** 3 }, t)).toBe(false);
    expect(above({ bytes: 1024 ** 3 }, t)).toBe(true);
    expect(above({ rows: 5000 }, t)).toBe(false);
  });
  it('formats figures for messages', () => {
    expect([formatCount(10), formatCount(10_000), formatCount(12_345), formatCount(2_000_000), formatCount(2.5e9)]).toEqual(['10', '10k', '12.3k', '2M', '2.5G']);
    expect([formatBytes(512), formatBytes(24 * 1024), formatBytes(127 * 1024 ** 2), formatBytes(3.5 * 1024 ** 3)]).toEqual(['512 B', '24.0 kB', '127 MB', '3.5 GB']);
    expect([formatSeconds(0.001), formatSeconds(2.84), formatSeconds(600), formatSeconds(7200)]).toEqual(['0.01 s', '2.8 s', '10.0 min', '2.0 h']);
  });
});

describe('lock-time estimates', () => {
  it('a rewrite copies everything, an index build and a validation read the heap, a catalog change is quick', () => {
    const claim = { relation: 'public.events', mode: 'AccessExclusiveLock' as const, rewrite: true, scan: false, reason: 'ALTER COLUMN TYPE' };
    expect(estimateLock(claim, table(), throughput)).toMatchObject({ work: 'rewrite', seconds: 3, queuedWrites: 600, queuedScans: 150 });
    expect(estimateLock({ ...claim, mode: 'ShareLock', rewrite: false, scan: true, reason: 'CREATE INDEX' }, table(), throughput)).toMatchObject({ work: 'index build', seconds: 4 });
    expect(estimateLock({ ...claim, mode: 'ShareUpdateExclusiveLock', rewrite: false, scan: true, reason: 'VALIDATE CONSTRAINT' }, table(), throughput)).toMatchObject({ work: 'validation scan', seconds: 1 });
    expect(estimateLock({ ...claim, rewrite: false, reason: 'ADD COLUMN' }, table(), throughput)).toMatchObject({ work: 'catalog change', seconds: 0, queuedWrites: 0 });
  });
});

describe('stats file age', () => {
  const facts = (takenAt: string) => ({ takenAt }) as LiveFacts;
  it('says how old the dump is and whether it is older than the limit', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    expect(statsAge(facts('2026-12-10T11:30:00Z'), now)).toEqual({ text: '30 minutes ago', old: false });
    expect(statsAge(facts('2026-12-09T12:00:00Z'), now)).toEqual({ text: '24 hours ago', old: false });
    expect(statsAge(facts('2026-12-01T12:00:00Z'), now)).toEqual({ text: '9 days ago', old: true });
  });
});
