import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withLibpqSslModes } from '../../src/db/connect.js';
import { serverUrl } from '../helpers/database.js';
import { runCli } from '../runner/helpers.js';

/** Managed databases hand out URLs with `?sslmode=require`; psql and pg_dump read it the libpq way. */
describe('sslmode in the database URL', () => {
  it('require, prefer and verify-ca get libpq semantics; verify-full, disable and explicit choices stay', () => {
    expect(withLibpqSslModes('postgres://u:p%40ss@db:5432/shop?sslmode=require')).toBe('postgres://u:p%40ss@db:5432/shop?sslmode=require&uselibpqcompat=true');
    expect(withLibpqSslModes('postgres://u@db/shop?sslmode=prefer')).toBe('postgres://u@db/shop?sslmode=prefer&uselibpqcompat=true');
    expect(withLibpqSslModes('postgres://u@db/shop?sslmode=verify-ca&sslrootcert=/ca.pem')).toBe('postgres://u@db/shop?sslmode=verify-ca&sslrootcert=%2Fca.pem&uselibpqcompat=true');
    for (const kept of ['postgres://u@db/shop?sslmode=verify-full', 'postgres://u@db/shop?sslmode=disable', 'postgres://u@db/shop', 'postgres://u@db/shop?sslmode=require&uselibpqcompat=false']) {
      expect(withLibpqSslModes(kept)).toBe(kept);
    }
    expect(withLibpqSslModes(undefined)).toBeUndefined();
    expect(withLibpqSslModes('')).toBe('');
  });

  it('a server without SSL and sslmode=require: one line, no driver security warning', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'pgwarden-journey-ssl-'));
    try {
      const url = new URL(serverUrl());
      url.searchParams.set('sslmode', 'require');
      url.password = 'not-shown-42';
      const admin = new pg.Client({ connectionString: serverUrl() });
      await admin.connect();
      const ssl = (await admin.query<{ ssl: string }>('show ssl').finally(() => admin.end())).rows[0].ssl;
      const r = await runCli(['migrate', 'status', '--dir', '.', '--database-url', url.toString()], { cwd });
      expect(r.stderr).not.toContain('SECURITY WARNING');
      expect(r.stderr).not.toContain('not-shown-42');
      if (ssl === 'on') {
        // with libpq's require the server's certificate is not verified, so a self-signed one connects
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      } else {
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^pgwarden: cannot connect to [^\n]+: The server does not support SSL connections\n$/);
      }
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
