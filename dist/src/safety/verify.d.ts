import type { Loss } from './verdict.js';
/** What the analysis says put a table at risk (optional detail the runner passes along). */
export interface RiskDetail {
    table: string;
    /** `DELETE`, `DROP TABLE`, … */
    reason: string;
    /** The statement's SQL text. */
    statement: string;
    /** 1-based line of the statement in the migration file. */
    line?: number;
}
/** Which statement did it: the one measured alone, else the analysis' statement for the table. */
export interface Attribution {
    /** Set when the losses were measured for one statement (a no-transaction migration). */
    statement?: {
        text: string;
        line: number;
    };
    risks: readonly RiskDetail[];
}
/**
 * One line: per loss the table (and column), the figures, the statement responsible, then the
 * directive that declares them all.
 */
export declare function describeLosses(migration: string, losses: Loss[], by: Attribution): string;
export declare function oneLine(sql: string): string;
