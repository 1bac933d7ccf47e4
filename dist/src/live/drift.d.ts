import type { SchemaModel } from '../analysis/schema.js';
import type { Finding } from '../lint/types.js';
import type { LiveFacts } from './facts.js';
export declare const SCHEMA_DRIFT_RULE = "schema-drift";
/**
 * Tables the database has that no linted migration creates: made by hand, or by a migration applied
 * from elsewhere. The model was seeded from the catalog (origin file -1) and then replayed the files, so
 * a table the model does not have, or still has with origin -1, is one the history never (re)created. One finding per table, at the top of
 * `file` (the first linted file): the drift is about the set, not one statement.
 */
export declare function driftFindings(schema: SchemaModel, facts: LiveFacts, file: string): Finding[];
/** Above this many tables, drift is one finding that counts them. */
export declare const MAX_DRIFT_FINDINGS = 20;
