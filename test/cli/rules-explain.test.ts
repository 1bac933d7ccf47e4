import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { closestId } from '../../src/cli/commands/explain.js';

const bin = join(import.meta.dirname, '../../bin/pgwarden.js');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pgwarden rules', () => {
  it('lists every rule with category, default severity and summary', async () => {
    const { code, stdout } = await run('rules');
    expect(code).toBe(0);
    for (const { meta } of allRules) {
      const line = stdout.split('\n').find((l) => l.startsWith(`${meta.id} `));
      expect(line, meta.id).toMatch(new RegExp(`\\s${meta.category}\\s+${meta.defaultSeverity}\\s`));
      expect(line).toContain(meta.summary);
    }
  });

  it('--format json gives the same list as data', async () => {
    const { code, stdout } = await run('rules', '--format', 'json');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; category: string; defaultSeverity: string; summary: string }>;
    expect(list.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    expect(list[0]).toEqual({
      id: allRules[0].meta.id,
      category: allRules[0].meta.category,
      defaultSeverity: allRules[0].meta.defaultSeverity,
      summary: allRules[0].meta.summary,
    });
  });

  it('an unknown format is a usage error on one line', async () => {
    const { code, stderr } = await run('rules', '--format', 'yaml');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(["pgwarden: unknown format 'yaml' (use text, json or markdown)"]);
  });
});

describe('pgwarden explain', () => {
  it('prints the summary, why and safe alternative', async () => {
    const { code, stdout } = await run('explain', 'ban-drop-column');
    expect(code).toBe(0);
    expect(stdout).toContain('ban-drop-column (destructive, error by default)');
    expect(stdout).toContain('Why');
    expect(stdout).toContain('Safe alternative');
    expect(stdout).toContain('ALTER TABLE users DROP COLUMN legacy_flag;');
  });

  it('an unknown rule exits 2 with one line suggesting the closest id', async () => {
    const { code, stdout, stderr } = await run('explain', 'ban-drop-colum');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      "pgwarden: unknown rule 'ban-drop-colum'; did you mean 'ban-drop-column'? (run `pgwarden rules` for the list)",
    ]);
  });

  it('explains the engine\'s own finding kinds too', async () => {
    const { code, stdout } = await run('explain', 'syntax-error');
    expect(code).toBe(0);
    expect(stdout).toContain('syntax-error (syntax, error by default)');
  });

  it('suggests nothing for a name far from every id', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(closestId(ids, 'xyzzy')).toBeUndefined();
    expect(closestId(ids, 'prefer-timestamp')).toBe('prefer-timestamptz');
    expect(closestId(ids, 'truncate-cascade')).toBe('ban-truncate-cascade');
  });
});
