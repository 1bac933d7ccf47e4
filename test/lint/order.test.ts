import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/engine.js';
import { allRules } from '../../rules/index.js';

describe('finding order', () => {
  it('reports a file in reading order, whichever rule found what', async () => {
    const sql = 'CREATE TABLE users (\n  id serial PRIMARY KEY,\n  created timestamp,\n  team_id integer\n);\nDROP TABLE accounts;\n';
    const { findings } = await lintSources([{ path: 'a.sql', text: sql }], allRules);
    const places = findings.map((f) => [f.line, f.column]);
    expect(findings.length).toBeGreaterThan(3);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThan(2);
  });
});
