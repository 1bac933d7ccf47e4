import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lint/load-config.js';

const dirs: string[] = [];
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pgwarden-config-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const known = new Set(['ban-drop-table', 'syntax-error']);

async function configError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('loadConfig', () => {
  it('uses the defaults when no file exists', async () => {
    const dir = await tempDir();
    const { config, filepath } = await loadConfig({ cwd: dir, knownRules: known });
    expect(filepath).toBeUndefined();
    expect(config).toMatchObject({ transaction: 'auto', migrationsDir: 'migrations', rules: {}, exclude: [] });
    expect(config.pgVersion).toBeUndefined(); // lint then says which major it assumed
  });

  it('finds pgwarden.config.json in a parent directory', async () => {
    const dir = await tempDir({
      'pgwarden.config.json': JSON.stringify({ pgVersion: 13, rules: { 'ban-drop-table': 'warning' }, exclude: ['*.down.sql'] }),
      'sub/deeper/.keep': '',
    });
    const { config, filepath } = await loadConfig({ cwd: join(dir, 'sub', 'deeper'), knownRules: known });
    expect(filepath).toBe(join(dir, 'pgwarden.config.json'));
    expect(config.pgVersion).toBe(13);
    expect(config.rules['ban-drop-table']).toBe('warning');
    expect(config.exclude).toEqual(['*.down.sql']);
  });

  it("reads package.json's pgwarden key and .pgwardenrc.json", async () => {
    const pkg = await tempDir({ 'package.json': JSON.stringify({ name: 'app', pgwarden: { transaction: 'per-statement' } }) });
    expect((await loadConfig({ cwd: pkg })).config.transaction).toBe('per-statement');
    const rc = await tempDir({ '.pgwardenrc.json': JSON.stringify({ migrationsDir: 'db/migrate' }) });
    expect((await loadConfig({ cwd: rc })).config.migrationsDir).toBe('db/migrate');
  });

  it('a package.json without the key does not stop the search', async () => {
    const dir = await tempDir({ 'pgwarden.config.json': '{"pgVersion": 16}', 'app/package.json': '{"name":"app"}' });
    expect((await loadConfig({ cwd: join(dir, 'app') })).config.pgVersion).toBe(16);
  });

  it('--config loads the given file only', async () => {
    const dir = await tempDir({ 'pgwarden.config.json': '{"pgVersion": 16}', 'ci/strict.json': '{"pgVersion": 12}' });
    expect((await loadConfig({ cwd: dir, configPath: 'ci/strict.json' })).config.pgVersion).toBe(12);
    expect(await configError(loadConfig({ cwd: dir, configPath: 'nope.json' }))).toBe(
      'cannot read configuration nope.json: no such file or directory',
    );
  });

  it('names the file and the key of an invalid value', async () => {
    const dir = await tempDir({ 'pgwarden.config.json': JSON.stringify({ rules: { 'ban-drop-table': 'fatal' } }) });
    expect(await configError(loadConfig({ cwd: dir, knownRules: known }))).toBe(
      'invalid configuration in pgwarden.config.json: rules.ban-drop-table: expected one of "off", "warning", "error"',
    );
  });

  it.each([
    [{ pgVersion: '15' }, 'pgVersion: expected number, received string'],
    [{ include: ['ok', 3] }, 'include[1]: expected string, received number'],
    [{ transaction: 'always' }, 'transaction: expected one of "auto", "per-file", "per-statement", "in-transaction"'],
    [{ rules: { 'ban-drop-table': { severity: 'loud' } } }, 'rules.ban-drop-table.severity: expected one of "off", "warning", "error"'],
    [{ rules: { 'ban-drop-table': { level: 'error' } } }, 'rules.ban-drop-table.level: unknown key'],
    [{ rules: { 'ban-drop-tables': 'off' } }, 'rules.ban-drop-tables: unknown rule "ban-drop-tables"'],
  ])('rejects %j', async (raw, expected) => {
    const dir = await tempDir({ 'pgwarden.config.json': JSON.stringify(raw) });
    const message = await configError(loadConfig({ cwd: dir, knownRules: known }));
    expect(message.startsWith('invalid configuration in pgwarden.config.json: ')).toBe(true);
    expect(message).toContain(expected);
  });

  it('malformed JSON is one line naming the file', async () => {
    const dir = await tempDir({ 'pgwarden.config.json': '{ "pgVersion": 15,, }' });
    expect(await configError(loadConfig({ cwd: dir }))).toMatch(/^invalid JSON in pgwarden\.config\.json: /);
  });
});

describe('defaults without a configuration file', () => {
  it('are what the schema gives an empty configuration (kept apart so that zod loads only for a file)', async () => {
    const { configSchema } = await import('../../src/lint/config-schema.js');
    const { defaultConfig } = await import('../../src/lint/config.js');
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });
});
