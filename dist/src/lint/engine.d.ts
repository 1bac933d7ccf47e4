import { SourceFile } from '../sql/source.js';
import { type ParsedFile, type Statement } from '../sql/parser.js';
import { SchemaModel } from '../analysis/schema.js';
import type { FileRunner } from '../sql/discover.js';
import { type LintOptions } from './config.js';
import type { Finding, LintResult, Rule } from './types.js';
export interface LintInput {
    /** Name reported in findings (a path relative to the working directory, or the stdin name). */
    path: string;
    text: string;
    /** The tool that runs the file, as its layout says (its transaction rule); pgwarden's runner when absent. */
    runner?: FileRunner;
    /**
     * History only: replayed into the schema model for the files after it, neither checked nor reported
     * (the predecessors of a single file named on the command line).
     */
    context?: boolean;
}
export interface FileAnalysis {
    parsed: ParsedFile;
    /** Top-level statements with DO block bodies spliced in after their DO. */
    statements: Statement[];
}
/** Parses a file and splices the statements DO blocks run in after each DO. */
export declare function analyzeFile(file: SourceFile): FileAnalysis;
export declare const SYNTAX_ERROR_RULE = "syntax-error";
/**
 * What a caller that knows the target database adds (src/live/): the model the files start from, and a
 * look at each statement-level finding with the statement and the model before it (to rank it by what
 * it would cost there). Rules themselves never see a database.
 */
export interface LintStart {
    schema?: SchemaModel;
    adjust?(finding: Finding, statement: Statement, schema: SchemaModel, pgVersion: number): Finding;
}
/**
 * Lints files in migration order, replaying each into one SchemaModel so that later files are checked
 * against what earlier ones built. Never throws for bad SQL: a syntax error is a finding.
 */
export declare function lintSources(inputs: LintInput[], rules: readonly Rule[], options?: Partial<LintOptions>, start?: LintStart): Promise<LintResult>;
export declare const FILE_TOO_LARGE_RULE = "file-too-large";
/** Ids a configuration or an ignore may name: the rules' and the engine's own findings that have a severity. */
export declare function configurableRuleIds(rules: readonly Rule[]): Set<string>;
/** Default for LintOptions.maxFileBytes. */
export declare const DEFAULT_MAX_FILE_BYTES: number;
/** Whether a rule checks migrations for this PostgreSQL major (its minPgVersion/maxPgVersion). */
export declare function appliesTo(rule: Rule, pgVersion: number): boolean;
/** A finding with the statement it is about, so that ignore directives above that statement apply. */
export interface Located {
    finding: Finding;
    statement?: Statement;
}
