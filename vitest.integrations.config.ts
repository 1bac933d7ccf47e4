import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// npm run test:integrations: every integration end to end (test/integrations/*.e2e.ts) from a packed
// tarball and a checkout of the commit, with the real tools; slow (npm installs, pre-commit), so not
// part of npm test, which runs a faster subset of the same scripts (test/ecosystem/).
export default defineConfig({ ...base, test: { ...base.test, include: ['test/integrations/**/*.e2e.ts'], testTimeout: 600_000, hookTimeout: 600_000 } });
