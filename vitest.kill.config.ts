import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// npm run test:kill: the kill-at-every-transition suite (test/faults-e2e/*.e2e.ts); npm test runs a subset.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/faults-e2e/**/*.e2e.ts'], testTimeout: 600_000 } });
