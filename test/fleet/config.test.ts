import { describe, expect, it } from 'vitest';
import { loadFleetConfig, parseFleetConfig } from '../../src/fleet/config.js';
import { FleetUsageError } from '../../src/fleet/errors.js';

const env = { FLEET_URL: 'postgres://app:s3cret@db.internal:5432/app', EU1_URL: 'postgres://app@eu1.internal/app' };

// The issue's fleet file, word for word: these keys are the contract scripts rely on.
const ISSUE_FILE = `
migrations: ./migrations            # the same directory \`migrate up\` takes
targets:
  schemas:   { url: $FLEET_URL, match: "tenant_%" }    # one database, a schema per tenant
  # databases: { url: $FLEET_URL, match: "tenant_%" }  # or a database per tenant on one server
  # list: [ { name: eu1, url: $EU1_URL }, … ]          # or explicit targets
waves:
  - { name: canary, targets: [tenant_007] }
  - { percent: 25, parallel: 4, soak: 10m }
  - { percent: 100, parallel: 8 }
on_error: halt                      # or continue (with max_failures: N)
health: "select count(*) = 0 from pg_stat_activity where wait_event_type = 'Lock'"
`;

const parse = (text: string, e: NodeJS.ProcessEnv = env) => parseFleetConfig(text, 'fleet.yaml', e);
const error = (text: string, e: NodeJS.ProcessEnv = env): string => {
  try {
    parse(text, e);
  } catch (err) {
    expect(err).toBeInstanceOf(FleetUsageError);
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('fleet file', () => {
  it('names a missing file and says how to give another', async () => {
    await expect(loadFleetConfig('nope/fleet.yaml')).rejects.toThrow('cannot read fleet file nope/fleet.yaml: no such file (pass --fleet PATH)');
  });

  it("reads the issue's file with its core keys", () => {
    const c = parse(ISSUE_FILE);
    expect(c.migrationsDir).toBe('migrations');
    expect(c.source).toMatchObject({ kind: 'schemas', match: 'tenant_%', searchPath: ['{schema}', 'public'], historySchema: 'pgwarden_{schema}' });
    expect(c.source.kind === 'schemas' && c.source.url).toEqual({ key: 'targets.schemas.url', variable: 'FLEET_URL', url: env.FLEET_URL });
    expect(c.waves.map((w) => [w.label, w.targets ?? w.percent, w.parallel, w.soakMs])).toEqual([
      ['canary', ['tenant_007'], 1, 0],
      ['25%', 25, 4, 600_000],
      ['100%', 100, 8, 0],
    ]);
    expect(c.waves[1].health?.sql).toContain('pg_stat_activity');
    expect(c.onError).toBe('halt');
    expect(c.maxFailures).toBe(0);
    expect(c.journal).toBe('.pgwarden/fleet/fleet.journal.jsonl');
  });

  it('reads databases and list targets, continue with an error budget, a command health check', () => {
    const databases = parse('migrations: m\ntargets: { databases: { url: "${FLEET_URL}", match: "tenant_%", exclude: [tenant_test] } }\non_error: continue\nmax_failures: 3\n');
    expect(databases.source).toMatchObject({ kind: 'databases', exclude: ['tenant_test'] });
    expect([databases.onError, databases.maxFailures]).toEqual(['continue', 3]);
    expect(databases.waves).toHaveLength(1);
    const list = parse('migrations: m\ntargets:\n  list: [ { name: eu1, url: $EU1_URL }, { name: us1, url: "postgres://app@us1.internal/app", schema: billing } ]\nhealth: { command: "curl -fs http://app/health", interval: 30s }\nwaves: [ { percent: 100, soak: 2m } ]\n');
    expect(list.source.kind === 'list' && list.source.targets.map((t) => [t.name, t.url.url, t.schema])).toEqual([
      ['eu1', env.EU1_URL, undefined],
      ['us1', 'postgres://app@us1.internal/app', 'billing'],
    ]);
    expect(list.waves[0].health).toEqual({ command: 'curl -fs http://app/health', intervalMs: 30_000, timeoutMs: 30_000 });
  });

  it.each([
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwavs: []\n', 'fleet.yaml: wavs: unknown key'],
    ['targets: { schemas: { url: $FLEET_URL, match: "t%" } }\n', 'fleet.yaml: migrations: required'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" }, databases: { url: $FLEET_URL, match: "t%" } }\n', 'fleet.yaml: targets: expected exactly one of schemas, databases, list'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 120 } ]\n', 'fleet.yaml: waves[0].percent: expected a percentage of at most 100'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 50 }, { percent: 40 } ]\n', 'fleet.yaml: waves[1].percent: 40 does not grow past the wave before (50): percentages are cumulative'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { name: canary, targets: [a] }, { percent: 50 } ]\n', 'fleet.yaml: waves: the last percent wave must be percent: 100 (it is 50: the other targets would never be migrated)'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 100, parallel: 0 } ]\n', 'fleet.yaml: waves[0].parallel: expected a whole number >= 1'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 100, soak: soon } ]\n', "fleet.yaml: waves[0].soak: 'soon' is not a duration (examples: 500ms, 30s, 10m)"],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 100, soak: 5m } ]\n', 'fleet.yaml: waves[0].soak: a soak needs a health check to poll (health: at the top or in the wave)'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nwaves: [ { percent: 100, targets: [a] } ]\n', 'fleet.yaml: waves[0]: a wave lists its targets or gives a percent, not both or neither'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\non_error: stop\n', 'fleet.yaml: on_error: expected one of "halt", "continue"'],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nmax_failures: 2\n', 'fleet.yaml: max_failures: goes with on_error: continue (halt stops at the first failure)'],
    ['migrations: m\ntargets: { schemas: { url: $NOPE_URL, match: "t%" } }\n', 'fleet.yaml: targets.schemas.url: environment variable NOPE_URL is not set'],
    ['migrations: m\ntargets: { list: [ { name: a, url: "postgres://app:hunter2@db/app" } ] }\n', 'fleet.yaml: targets.list[0].url: a password does not belong in the fleet file: put the URL in an environment variable and write $NAME'],
    ['migrations: m\ntargets: { list: [ { name: a, url: $EU1_URL }, { name: a, url: $EU1_URL } ] }\n', "fleet.yaml: targets.list[1].name: 'a' is listed twice"],
    ['migrations: m\ntargets: { schemas: { url: $FLEET_URL, match: "t%" } }\nhealth: { sql: "select true", command: "true" }\n', 'fleet.yaml: health: expected exactly one of sql, command'],
    ['migrations: m\ntargets: [\n', 'fleet.yaml:3:1: invalid YAML'],
  ].map(([text, expected]) => ({ text, expected })))('$expected', ({ text, expected }) => {
    const message = error(text);
    expect(message.startsWith(expected), message).toBe(true);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('s3cret');
  });
});
