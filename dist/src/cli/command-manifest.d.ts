import { type Command } from 'commander';
/**
 * Every command's name, description, arguments and options, without their actions: what `pgwarden
 * --help` and `pgwarden completion` show. Written next to the built CLI by `npm run build`
 * (scripts/command-manifest.mjs) so that those two answer without loading the command modules — which
 * load the rules, the parser and pg, about a second of start-up for a list of names.
 */
export interface ManifestCommand {
    name: string;
    description: string;
    summary: string;
    aliases: string[];
    arguments: Array<{
        flags: string;
        description: string;
        choices?: string[];
        default?: unknown;
    }>;
    options: Array<{
        flags: string;
        description: string;
        choices?: string[];
        default?: unknown;
        defaultDescription?: string;
        hidden: boolean;
        mandatory: boolean;
    }>;
    commands: ManifestCommand[];
}
export interface CommandManifest {
    version: string;
    commands: ManifestCommand[];
}
export declare const MANIFEST_FILE = "command-manifest.json";
/** The manifest of a program's commands (the program's own options are built by the CLI itself). */
export declare function describeCommands(program: Command, version: string): CommandManifest;
/** Adds the manifest's commands to `program`, as commands without actions (for help and completion only). */
export declare function addManifestCommands(program: Command, manifest: CommandManifest, skip?: ReadonlySet<string>): void;
