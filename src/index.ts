// The programmatic API: everything the CLI does is importable from here.
export { SourceFile, type Position, type Range } from './sql/source.js';
export { loadParser, parseSource, type Statement, type ParsedFile } from './sql/parser.js';
export { doBlockStatements } from './sql/plpgsql.js';
export { parseDirective, type Directive } from './sql/directives.js';
export { discoverMigrations } from './sql/discover.js';
export { SchemaModel } from './analysis/schema.js';
export { analyzeTransactions, cannotRunInTransaction } from './analysis/transactions.js';
export { lintSources, analyzeFile, type LintInput } from './lint/engine.js';
export { configSchema, type Config, type LintOptions } from './lint/config.js';
export type * from './lint/types.js';
export { allRules } from '../rules/index.js';
export * from './runner/index.js';
export { analyzeMigrations, type MigrationAnalysis, type MigrationSource } from './analysis/migration-analysis.js';
export { redact, redactUrl, ConnectionError } from './db/index.js';
export * from './safety/index.js';
