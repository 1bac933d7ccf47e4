import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/runner/gate.js';
import type { Finding } from '../../src/lint/types.js';

const finding: Finding = {
  rule: 'ban-drop-column',
  severity: 'error',
  file: 'migrations/0013_drop.sql',
  line: 4,
  column: 1,
  endLine: 4,
  endColumn: 35,
  message: 'Dropping column users.name deletes its data.',
};

describe('the gate line of a finding', () => {
  it('notes a bare ignore, which the gate does not accept', () => {
    expect(formatFinding({ ...finding, suppressed: {} })).toBe(
      'migrations/0013_drop.sql:4:1  error  ban-drop-column  Dropping column users.name deletes its data. (ignored without a reason, which the gate does not accept: add one after a colon)',
    );
  });
  it('never says "without a reason" of an ignore that has one', () => {
    const line = formatFinding({ ...finding, suppressed: { reason: 'unused since v42' } });
    expect(line).toBe('migrations/0013_drop.sql:4:1  error  ban-drop-column  Dropping column users.name deletes its data.');
    expect(formatFinding(finding)).toBe(line);
  });
});
