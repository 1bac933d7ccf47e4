type UmzugModule = typeof import('umzug');
/**
 * umzug, without loading its command-line interface up front. umzug's entry point requires its CLI
 * module (@rushstack/ts-command-line and about 180 modules: some 60 ms of CPU at every `migrate` start)
 * although the runner never calls `runAsCLI`. The CLI module is registered in require's cache as a
 * stand-in whose exports load the real one on first use; if umzug's layout ever differs, it loads as is.
 */
export declare function loadUmzug(): Promise<UmzugModule>;
export {};
