import { describe, expect, it } from 'vitest';
import { reconcile, problemsOf } from '../../src/runner/reconcile.js';
import { firstInvalidUtf8 } from '../../src/runner/utf8.js';
import type { LoadedMigration } from '../../src/runner/files.js';
import type { HistoryEntry } from '../../src/runner/history.js';
import { backwardText, forwardText, hasDownSection } from '../../src/sql/sections.js';

const file = (name: string, checksum = `sum-${name}`) => ({ name, path: `migrations/${name}.sql`, text: '', checksum }) as LoadedMigration;
const applied = (name: string, checksum = `sum-${name}`): HistoryEntry => ({ name, checksum, appliedAt: new Date(0), appliedBy: 'x', durationMs: 1, pgwardenVersion: 'x' });

describe('reconcile', () => {
  it('classifies files and history: pending, renamed, drift, missing, unknown, out of order', () => {
    const files = [file('0001_a', 'changed'), file('0002_b'), file('0003_new_name', 'sum-0003_old'), file('0004_d'), file('0005_e')];
    const history = [applied('0001_a'), applied('0003_old'), applied('0004_d'), applied('0000_gone'), applied('0009_future')];
    const rec = reconcile(files, history);
    expect(rec.pending.map((f) => f.name)).toEqual(['0002_b', '0005_e']);
    expect(rec.renamed.map((r) => [r.file.name, r.recordedAs])).toEqual([['0003_new_name', '0003_old']]);
    expect(rec.drift.map((d) => d.file.name)).toEqual(['0001_a']);
    expect(rec.missing.map((h) => h.name)).toEqual(['0000_gone']);
    expect(rec.unknown.map((h) => h.name)).toEqual(['0009_future']);
    expect(rec.outOfOrder.map((o) => [o.file.name, o.after])).toEqual([['0002_b', '0004_d']]);
    expect(problemsOf(rec, { failOnPending: true }).map((p) => `${p.kind} ${p.migration}`)).toEqual([
      'drift 0001_a',
      'missing 0000_gone',
      'unknown 0009_future',
      'out-of-order 0002_b',
      'pending 0005_e',
    ]);
  });

  it('one applied migration is claimed by one renamed file only', () => {
    const rec = reconcile([file('0002_x', 'same'), file('0003_y', 'same')], [applied('0001_old', 'same')]);
    expect(rec.renamed.map((r) => r.file.name)).toEqual(['0002_x']);
    expect(rec.pending.map((f) => f.name)).toEqual(['0003_y']);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first invalid sequence with its offset and line, and accepts valid text', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo ✓ 𝄞\n'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x27]))).toEqual({ offset: 3, byte: 0xe9, line: 2 });
    // overlong encoding of '/', a surrogate, a truncated sequence at the end
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))?.offset).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x20, 0xed, 0xa0, 0x80]))?.offset).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x20, 0x20, 0xe2, 0x9c]))?.offset).toBe(2);
  });
});

describe('goose sections', () => {
  const goose = '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n';
  it('runs Up forward and Down backward, keeping the annotations and the line numbers', () => {
    expect(hasDownSection(goose)).toBe(true);
    expect(forwardText(goose)).toContain('CREATE TABLE t');
    expect(forwardText(goose)).not.toContain('DROP TABLE');
    expect(backwardText(goose)).toContain('DROP TABLE t');
    expect(backwardText(goose)).not.toContain('CREATE TABLE');
    expect(backwardText(goose)).toContain('-- +goose NO TRANSACTION');
    expect(backwardText(goose).split('\n')).toHaveLength(goose.split('\n').length);
    expect(hasDownSection('-- +goose Up\nSELECT 1;\n')).toBe(false);
  });
});
