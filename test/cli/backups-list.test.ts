import { describe, expect, it } from 'vitest';
import { migrationSpan } from '../../src/cli/commands/backups.js';

describe('backups list: the MIGRATIONS column', () => {
  it('names one or two migrations, and the first and last of a longer run with the count', () => {
    expect(migrationSpan([])).toBe('-');
    expect(migrationSpan(['0001_a'])).toBe('0001_a');
    expect(migrationSpan(['0001_a', '0002_b'])).toBe('0001_a, 0002_b');
    expect(migrationSpan(['0001_a', '0002_b', '0003_c', '0012_l'])).toBe('0001_a … 0012_l (4)');
  });
});
