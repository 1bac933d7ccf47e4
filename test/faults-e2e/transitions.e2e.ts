import { KILL_CASES, killSuite } from '../faults/transitions.js';

// npm run test:kill: SIGKILL at every transition of the run's state machine.
killSuite(KILL_CASES, true);
