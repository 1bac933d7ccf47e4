import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/types.js';
import type { ReportInput } from '../../src/report/types.js';
import { countFindings } from '../../src/report/types.js';
import { githubReporter } from '../../src/report/github.js';
import { gitlabReporter } from '../../src/report/gitlab.js';
import { sarifReporter } from '../../src/report/sarif.js';
import { jsonReporter } from '../../src/report/json.js';
import { createPrettyReporter } from '../../src/report/pretty.js';

/** info (a lock finding on a small table of the live database) in every format, counted as neither. */
const info: Finding = {
  rule: 'require-concurrent-index-creation', severity: 'info', file: 'm/001.sql', line: 1, column: 1, endLine: 1, endColumn: 10,
  message: 'Creating index on small without CONCURRENTLY. Small table (under 10k rows).', help: 'Use CONCURRENTLY.',
};
const input: ReportInput = { findings: [info], files: ['m/001.sql'], sources: new Map([['m/001.sql', 'CREATE INDEX ON small (x);\n']]), rules: [], cwd: process.cwd(), toolVersion: '0.0.0' };

describe('info findings', () => {
  it('are counted as neither errors nor warnings', () => {
    expect(countFindings([info])).toEqual({ errors: 0, warnings: 0 });
    expect(JSON.parse(jsonReporter(input))).toMatchObject({ findings: [{ severity: 'info' }], summary: { errors: 0, warnings: 0 } });
  });
  it('map to each format\'s own lowest level', () => {
    expect(createPrettyReporter(new Chalk({ level: 0 }))(input)).toContain('m/001.sql:1:1  info  Creating index');
    expect(githubReporter(input)).toMatch(/^::notice file=m\/001\.sql/);
    expect(JSON.parse(gitlabReporter(input))[0].severity).toBe('info');
    const sarif = JSON.parse(sarifReporter(input));
    expect(sarif.runs[0].results[0].level).toBe('note');
  });
});
