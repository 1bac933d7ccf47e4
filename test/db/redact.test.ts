import { describe, expect, it } from 'vitest';
import { redact, redactError, redactUrl, REDACTED } from '../../src/db/redact.js';
import { parseDatabaseUrl, resolveConnection } from '../../src/db/url.js';
import { describeConnectError } from '../../src/db/connect.js';
import { ConnectionError } from '../../src/db/errors.js';
import { createConsoleLogger } from '../../src/runner/logger.js';
import { Writable } from 'node:stream';

const SECRET = 'pa55:w/rd@x!';
const ENCODED = encodeURIComponent(SECRET);

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('redact', () => {
  it('removes the password of a URL, keeping user, host and database', () => {
    expect(redactUrl('postgres://admin:hunter2@db.example.com:5432/app')).toBe(`postgres://admin:${REDACTED}@db.example.com:5432/app`);
    expect(redactUrl('postgresql://admin@db/app')).toBe('postgresql://admin@db/app');
  });

  it('removes passwords from malformed URLs, keyword settings and known secrets', () => {
    expect(redact('bad url postgres//admin:hunter2@host/db')).not.toContain('hunter2');
    expect(redact("host=db password=hunter2 user=x")).toBe(`host=db password=${REDACTED} user=x`);
    expect(redact(`server said: ${SECRET} and ${ENCODED}`, [SECRET])).toBe(`server said: ${REDACTED} and ${REDACTED}`);
  });

  it('keeps error messages on one line', () => {
    expect(redactError(new Error(`line one\n  line two hunter2`), ['hunter2'])).toBe(`line one line two ${REDACTED}`);
  });
});

describe('database URL validation', () => {
  it('accepts postgres:// and postgresql:// URLs and describes them without the password', () => {
    const t = parseDatabaseUrl(`postgres://admin:${ENCODED}@db.example.com:6543/app`);
    expect(t.display).toBe('db.example.com:6543/app');
    expect(t.secrets).toContain(SECRET);
    expect(parseDatabaseUrl('postgresql://localhost/app').display).toBe('localhost:5432/app');
  });

  it('rejects malformed URLs with one line that never holds the password', () => {
    for (const url of [`postgres//admin:${ENCODED}@h/db`, `mysql://admin:${ENCODED}@h/db`, `postgres://admin:${ENCODED}@h:port/db`, `notaurl:${ENCODED}@@`, `postgres://admin:${ENCODED}/x@h/db`, 'not a url']) {
      let error: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConnectionError);
      const message = (error as Error).message;
      expect(message).toMatch(/malformed database URL/);
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(ENCODED);
      expect(message).not.toContain('\n');
    }
  });

  it('falls back to DATABASE_URL, then to the PG* variables, else says what is missing', () => {
    expect(resolveConnection(undefined, { DATABASE_URL: 'postgres://h/app' }).display).toBe('h:5432/app');
    expect(resolveConnection(undefined, { PGHOST: 'pghost', PGDATABASE: 'app', PGPASSWORD: SECRET })).toMatchObject({ display: 'pghost:5432/app', secrets: [SECRET] });
    expect(() => resolveConnection(undefined, {})).toThrow(/no database given/);
  });

  it('maps connection failures to one clear line without the password', () => {
    const target = parseDatabaseUrl(`postgres://admin:${ENCODED}@db:5432/app`);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, /connection refused/],
      [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db' }, /unknown host/],
      [{ code: '28P01', message: `password authentication failed for user "admin" (${SECRET})` }, /password authentication failed/],
      [{ code: '3D000', message: 'database "app" does not exist' }, /database does not exist/],
      [{ message: `Connection terminated due to connection timeout postgres://admin:${ENCODED}@db` }, /no answer within the connection timeout/],
      [{ code: 'XX000', message: `weird failure mentioning ${SECRET}` }, /cannot connect to db:5432\/app: weird failure/],
    ];
    for (const [raw, expected] of cases) {
      const error = describeConnectError(Object.assign(new Error(raw.message), raw), target);
      expect(error.message).toMatch(expected);
      expect(error.message).not.toContain(SECRET);
      expect(error.message).not.toContain(ENCODED);
    }
  });
});

describe('console logger', () => {
  it('never writes a known secret, in text or JSON', () => {
    for (const format of ['text', 'json'] as const) {
      const out = capture();
      const err = capture();
      const log = createConsoleLogger({ format, out: out.stream, err: err.stream, secrets: [SECRET], tty: false });
      log.info('migrated', { migration: 'm1', duration_ms: 5, attempt: 1, message: `applied with ${SECRET}` });
      log.error('migration_failed', { migration: 'm1', error: `postgres://a:${ENCODED}@h/db ${SECRET}` });
      const text = out.text() + err.text();
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(ENCODED);
      expect(text).toContain(REDACTED);
    }
  });

  it('writes one JSON object per event with the fields log pipelines index on', () => {
    const out = capture();
    const log = createConsoleLogger({ format: 'json', out: out.stream, err: out.stream });
    log.info('migrated', { migration: 'm1', duration_ms: 12, attempt: 2, message: 'applied m1' });
    log.warn('lock_timeout', { migration: 'm2', attempt: 1, error: 'canceling statement due to lock timeout' });
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'migrated', migration: 'm1', duration_ms: 12, attempt: 2, error: null });
    expect(lines[1]).toMatchObject({ level: 'warn', event: 'lock_timeout', migration: 'm2', duration_ms: null, error: 'canceling statement due to lock timeout' });
    expect(typeof lines[0].timestamp).toBe('string');
  });
});
