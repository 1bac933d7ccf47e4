import { describe, expect, it } from 'vitest';
import { analyzeMigrations } from '../../src/analysis/migration-analysis.js';

// A schema-per-tenant target runs its migrations under `search_path = tenant, public`: the tables at risk
// (which the safety net counts and backs up) must be the tenant's, not public's.
const files = [
  { name: '0001_orders', path: 'migrations/0001_orders.sql', text: 'CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n' },
  {
    name: '0002_cleanup',
    path: 'migrations/0002_cleanup.sql',
    text: '-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE id < 3;\nUPDATE public.plans SET name = lower(name) WHERE id = 1;\n',
  },
  { name: '0003_reset', path: 'migrations/0003_reset.sql', text: 'SET search_path TO audit;\nDELETE FROM events WHERE id = 1;\nRESET search_path;\nDELETE FROM orders WHERE id = 4;\n' },
];

describe('analyzeMigrations searchPath option', () => {
  it('defaults to public, as before', async () => {
    const [, cleanup] = await analyzeMigrations(files);
    expect(cleanup.tablesAtRisk.map((t) => t.table)).toEqual(['public.orders', 'public.plans']);
    expect(cleanup.allowDataLoss).toEqual(['public.orders']);
  });

  it('reads unqualified names, in SQL and in allow-data-loss, as the first schema of the path; explicit schemas stay', async () => {
    const [, cleanup, reset] = await analyzeMigrations(files, { searchPath: ['tenant_007', 'public'] });
    expect(cleanup.tablesAtRisk.map((t) => t.table)).toEqual(['tenant_007.orders', 'public.plans']);
    expect(cleanup.allowDataLoss).toEqual(['tenant_007.orders']);
    // RESET returns to the connection's path, not to public
    expect(reset.tablesAtRisk.map((t) => t.table)).toEqual(['audit.events', 'tenant_007.orders']);
  });
});
