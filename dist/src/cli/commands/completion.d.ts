import { type Command } from 'commander';
/** What completion needs to know about one command, read from the commander program itself. */
export interface CompletionNode {
    /** Subcommand names from the root, e.g. ['migrate', 'up']; [] for the program. */
    path: string[];
    subcommands: Array<{
        name: string;
        description: string;
    }>;
    options: Array<{
        names: string[];
        description: string;
        /** none: a flag; words: one of `choices`; files: a path (the placeholder says path/file/dir); other: free text. */
        value: 'none' | 'words' | 'files' | 'other';
        choices?: readonly string[];
    }>;
    /** Words the positional arguments accept (from `.choices()`); file names too when `takesFiles`. */
    argumentChoices: string[];
    takesFiles: boolean;
}
export declare const SHELLS: readonly ["bash", "zsh"];
export type Shell = (typeof SHELLS)[number];
/** Every command of the program, walked from the commander objects so completion cannot drift. */
export declare function completionTree(program: Command): CompletionNode[];
/** A bash completion script (`source <(pgwarden completion bash)`). */
export declare function bashCompletion(program: Command): string;
/** A zsh completion script (`source <(pgwarden completion zsh)` after compinit, or a `_pgwarden` file on $fpath). */
export declare function zshCompletion(program: Command): string;
export declare function registerCompletion(program: Command): void;
