import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lint/config-schema.js';
import { allRules } from '../../rules/index.js';
import { pgwarden, repoRoot, tempProject } from './cli.js';

const TABLE = 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n';
const knownRules = new Set(allRules.map((r) => r.meta.id));

interface LayoutCase {
  name: string;
  files: Record<string, string>;
  migrationsDir: string;
  tool: RegExp;
  count: number;
  transaction: 'auto';
  /** The pre-commit `files:` pattern printed for it. */
  preCommitFiles: string;
}

const layouts: LayoutCase[] = [
  {
    name: 'Prisma',
    files: {
      'prisma/schema.prisma': 'datasource db { provider = "postgresql" }\n',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'prisma/migrations/20240101120000_init/migration.sql': TABLE,
      'prisma/migrations/20240215093000_names/migration.sql': 'ALTER TABLE accounts ADD COLUMN name text;\n',
    },
    migrationsDir: 'prisma/migrations',
    tool: /^Detected Prisma in prisma\/migrations\/ \(2 migrations\)\.$/m,
    count: 2,
    transaction: 'auto',
    preCommitFiles: "'^prisma/migrations/.*\\.sql$'",
  },
  {
    name: 'Flyway in db/migration',
    files: { 'db/migration/V1__init.sql': TABLE, 'db/migration/V2__names.sql': 'ALTER TABLE accounts ADD COLUMN name text;\n' },
    migrationsDir: 'db/migration',
    tool: /^Detected Flyway in db\/migration\/ \(2 migrations\)\.$/m,
    count: 2,
    transaction: 'auto',
    preCommitFiles: "'^db/migration/.*\\.sql$'",
  },
  {
    name: 'Flyway in migrations',
    files: { 'migrations/V1__init.sql': TABLE },
    migrationsDir: 'migrations',
    tool: /^Detected Flyway in migrations\/ \(1 migration\)\.$/m,
    count: 1,
    transaction: 'auto',
    preCommitFiles: "'^migrations/.*\\.sql$'",
  },
  {
    name: 'golang-migrate',
    files: { 'db/migrations/000001_init.up.sql': TABLE, 'db/migrations/000001_init.down.sql': 'DROP TABLE accounts;\n' },
    migrationsDir: 'db/migrations',
    tool: /^Detected golang-migrate style .* in db\/migrations\/ \(1 migration\)\.$/m,
    count: 1,
    transaction: 'auto',
    preCommitFiles: "'^db/migrations/.*\\.sql$'",
  },
  {
    name: 'dbmate',
    files: { 'db/migrations/20240101120000_init.sql': `-- migrate:up\n${TABLE}` },
    migrationsDir: 'db/migrations',
    tool: /^Detected dbmate style .* in db\/migrations\/ \(1 migration\)\.$/m,
    count: 1,
    transaction: 'auto',
    preCommitFiles: "'^db/migrations/.*\\.sql$'",
  },
  {
    name: 'sqitch',
    files: {
      'sqitch.plan': '%syntax-version=1.0.0\n%project=widgets\n\naccounts 2024-01-01T00:00:00Z Dev <dev@example.com> # accounts\n',
      'deploy/accounts.sql': `BEGIN;\n${TABLE}COMMIT;\n`,
      'revert/accounts.sql': 'BEGIN;\nDROP TABLE accounts;\nCOMMIT;\n',
    },
    migrationsDir: '.',
    tool: /^Detected Sqitch in \.\/ \(1 migration\)\.$/m,
    count: 1,
    transaction: 'auto',
    preCommitFiles: "'^deploy/.*\\.sql$'",
  },
  {
    name: 'plain',
    files: { 'migrations/001_init.sql': TABLE, 'migrations/002_names.sql': 'ALTER TABLE accounts ADD COLUMN name text;\n' },
    migrationsDir: 'migrations',
    tool: /^Detected plain SQL files in migrations\/ \(2 migrations\)\.$/m,
    count: 2,
    transaction: 'auto',
    preCommitFiles: "'^migrations/.*\\.sql$'",
  },
  {
    name: 'an empty project',
    files: { 'README.md': 'nothing yet\n' },
    migrationsDir: 'migrations',
    tool: /^No migrations yet: configured migrations\/ for plain SQL files\.$/m,
    count: 0,
    transaction: 'auto',
    preCommitFiles: "'^migrations/.*\\.sql$'",
  },
];

describe('pgwarden init', () => {
  for (const layout of layouts) {
    it(`configures ${layout.name}`, () => {
      const project = tempProject(layout.files);
      try {
        const result = pgwarden(['init', '--dir', project.dir], repoRoot);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(layout.tool);
        expect(result.stdout).toContain(`files: ${layout.preCommitFiles}`);
        // the project's own pgwarden: no registry release, no tag that may not exist
        expect(result.stdout).toContain('- run: npx --no-install pgwarden lint --changed-since origin/${{ github.base_ref }}');
        expect(result.stdout).toContain('entry: node_modules/.bin/pgwarden lint');
        expect(result.stdout).toContain('- npx --no-install pgwarden lint --format gitlab > gl-code-quality-report.json || [ $? -eq 1 ]');
        expect(result.stdout).not.toMatch(/pgwarden@v?\d|rev: v/);

        const raw = JSON.parse(readFileSync(join(project.dir, 'pgwarden.config.json'), 'utf8')) as Record<string, unknown>;
        // the file must pass the same validation `pgwarden lint` applies, comment keys included
        const config = validateConfig(raw, 'pgwarden.config.json', knownRules);
        expect(config.migrationsDir).toBe(layout.migrationsDir);
        expect(config.transaction).toBe(layout.transaction);
        expect(config.pgVersion).toBe(15);
        expect(Object.keys(config.rules).length).toBeGreaterThan(0);
        expect(Object.keys(raw).filter((k) => k.startsWith('//')).length).toBeGreaterThanOrEqual(4);
      } finally {
        project.remove();
      }
    });
  }

  it('writes a configuration that `pgwarden lint` then uses to find the migrations', () => {
    const project = tempProject({
      'db/migration/V1__init.sql': TABLE,
      'db/migration/V2__drop.sql': 'DROP TABLE accounts;\n',
    });
    try {
      expect(pgwarden(['init'], project.dir).status).toBe(0);
      const lint = pgwarden(['lint', '--format', 'json'], project.dir);
      expect(lint.stderr).toBe('');
      const report = JSON.parse(lint.stdout) as { findings: Array<{ rule: string; file: string }>; summary: { files: number } };
      expect(report.summary.files).toBe(2);
      expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'ban-drop-table', file: 'db/migration/V2__drop.sql' }));
    } finally {
      project.remove();
    }
  });

  it('refuses to overwrite an existing configuration without --force', () => {
    const project = tempProject({ 'migrations/001_init.sql': TABLE, 'pgwarden.config.json': '{"pgVersion": 16}\n' });
    try {
      const refused = pgwarden(['init'], project.dir);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toBe('pgwarden: pgwarden.config.json already exists; use --force to overwrite it\n');
      expect(readFileSync(join(project.dir, 'pgwarden.config.json'), 'utf8')).toBe('{"pgVersion": 16}\n');

      const forced = pgwarden(['init', '--force'], project.dir);
      expect(forced.status).toBe(0);
      expect(JSON.parse(readFileSync(join(project.dir, 'pgwarden.config.json'), 'utf8'))).toMatchObject({ pgVersion: 15 });
    } finally {
      project.remove();
    }
  });

  it('refuses when package.json already configures pgwarden (it would take precedence)', () => {
    const project = tempProject({ 'package.json': JSON.stringify({ name: 'app', pgwarden: { pgVersion: 16 } }) });
    try {
      const refused = pgwarden(['init'], project.dir);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^pgwarden: a configuration already exists in package\.json .*--force.*\n$/);
    } finally {
      project.remove();
    }
  });

  it('reports a missing --dir as one line', () => {
    const result = pgwarden(['init', '--dir', join(repoRoot, 'no-such-dir-for-init')], repoRoot);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^pgwarden: --dir: no such directory: .*no-such-dir-for-init\n$/);
  });

  it('points the snippets at the project inside its git repository', () => {
    const project = tempProject({ 'services/api/prisma/migrations/20240101120000_init/migration.sql': TABLE });
    try {
      writeFileSync(join(project.dir, '.git'), 'gitdir: elsewhere\n'); // a .git marks the repository root
      const result = pgwarden(['init', '--dir', join(project.dir, 'services/api')], repoRoot);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("files: '^services/api/prisma/migrations/.*\\.sql$'");
      expect(result.stdout).toContain('defaults: { run: { working-directory: services/api } }');
      expect(result.stdout).toContain('entry: services/api/node_modules/.bin/pgwarden lint --config services/api/pgwarden.config.json');
      expect(result.stdout).toContain('reports: { codequality: services/api/gl-code-quality-report.json }');
    } finally {
      project.remove();
    }
  });
});
