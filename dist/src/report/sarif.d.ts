import type { Reporter } from './types.js';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** SARIF 2.1.0, the format GitHub code scanning and other security dashboards import. */
export declare const sarifReporter: Reporter;
