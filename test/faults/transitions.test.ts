import { KILL_CASES, killSuite } from './transitions.js';

// A representative subset for npm test: a state before anything changed, one inside a migration's
// transaction, and a restore under way. `npm run test:kill` kills at every transition.
killSuite(KILL_CASES.filter((c) => ['backing_up', 'committing', 'restoring'].includes(c.state)));
