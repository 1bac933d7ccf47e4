import { KILL_CASES, killSuite } from './transitions.js';

// A representative subset for npm test: a state inside a migration's transaction, and a restore under
// way (backup-kill.test.ts kills during the backup). `npm run test:kill` kills at every transition.
killSuite(KILL_CASES.filter((c) => ['committing', 'restoring'].includes(c.state)));
