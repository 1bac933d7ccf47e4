/**
 * One runnable example per rule, shown on its docs page: what exists before (`setup`, an earlier
 * migration) and a migration the rule reports (`unsafe`). test/postgres/rule-examples.test.ts lints it
 * and runs it on the test server, then does the same with every SQL block of the rule's safe alternative
 * (each block one migration, in order): the rule must report the unsafe migration and stay quiet on the
 * safe ones, and the server must accept the safe ones on every major the rule applies to (and refuse
 * advice that relies on a feature the major lacks). `npm run test:pg-matrix` does it on 13 to 18.
 * Kept in one file because most examples share their tables.
 */
export interface RuleExample {
    /** What exists before: committed first, in a schema of the example's own. */
    setup: string;
    /** A migration (one file) the rule reports. */
    unsafe: string;
    /** When the danger is a deploy that fails: part of PostgreSQL's error when the unsafe migration runs. */
    serverRefuses?: string;
    /** File names, for rules that look at them (default `0002_unsafe.sql`, `0002_safe_<n>.sql`). */
    files?: {
        unsafe: string;
        safe: string[];
    };
    /** Why lint still reports the safe alternative (it runs, and the test expects the finding): a known limit. */
    adviceReported?: string;
    /** The safe alternative is an operator's step run by hand, not a migration: it is run, not linted. */
    byHand?: boolean;
    /** Removes what the example creates outside its schema (schemas, databases). */
    cleanup?: string;
}
export declare const RULE_EXAMPLES: Record<string, RuleExample>;
/** The ```sql blocks of a rule's safe alternative, in order: each one is one migration. */
export declare function sqlBlocks(markdown: string): string[];
