import { Command } from 'commander';
/**
 * The program with every command, or only `only` (its help and parsing are the same either way). For
 * the root's help, `help`, an unknown command and `completion`, the commands other than completion come
 * from the manifest the build wrote (names, options, no actions) when there is one for this version.
 */
export declare function buildProgram(only?: string, { manifest: useManifest }?: {
    manifest?: boolean;
}): Promise<Command>;
/** Runs the CLI; resolves to the exit code. User errors are one line, never a stack trace. */
export declare function main(argv: string[]): Promise<number>;
