import { pgwardenVersion } from '../version.js';
/** pgwarden's version, from package.json. */
export const version = pgwardenVersion();
