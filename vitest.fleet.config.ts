import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// npm run test:fleet: the fleet suites of npm test plus their heaviest variants (test/fleet-e2e/*.e2e.ts).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/fleet/**/*.test.ts', 'test/fleet-e2e/**/*.e2e.ts'], testTimeout: 600_000 } });
