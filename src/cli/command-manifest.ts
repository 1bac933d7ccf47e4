import { Argument, Option, type Command } from 'commander';

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
  arguments: Array<{ flags: string; description: string; choices?: string[]; default?: unknown }>;
  options: Array<{ flags: string; description: string; choices?: string[]; default?: unknown; defaultDescription?: string; hidden: boolean; mandatory: boolean }>;
  commands: ManifestCommand[];
}

export interface CommandManifest {
  version: string;
  commands: ManifestCommand[];
}

export const MANIFEST_FILE = 'command-manifest.json';

/** The manifest of a program's commands (the program's own options are built by the CLI itself). */
export function describeCommands(program: Command, version: string): CommandManifest {
  return { version, commands: program.commands.map(describe) };
}

function describe(cmd: Command): ManifestCommand {
  return {
    name: cmd.name(),
    description: cmd.description(),
    summary: cmd.summary(),
    aliases: cmd.aliases(),
    arguments: cmd.registeredArguments.map((a) => ({
      flags: a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`,
      description: a.description,
      ...(a.argChoices ? { choices: [...a.argChoices] } : {}),
      ...(a.defaultValue !== undefined ? { default: a.defaultValue } : {}),
    })),
    // commander adds -h, --help to every command itself
    options: cmd.options.map((o) => ({
      flags: o.flags,
      description: o.description,
      ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
      ...(o.defaultValue !== undefined ? { default: o.defaultValue } : {}),
      ...(o.defaultValueDescription !== undefined ? { defaultDescription: o.defaultValueDescription } : {}),
      hidden: o.hidden,
      mandatory: o.mandatory,
    })),
    commands: cmd.commands.map(describe),
  };
}

/** Adds the manifest's commands to `program`, as commands without actions (for help and completion only). */
export function addManifestCommands(program: Command, manifest: CommandManifest, skip: ReadonlySet<string> = new Set()): void {
  for (const command of manifest.commands) if (!skip.has(command.name)) build(program, command);
}

function build(parent: Command, spec: ManifestCommand): void {
  // .command() copies the parent's settings (exit override, suggestions, output) as registration does
  const cmd = parent.command(spec.name).description(spec.description);
  if (spec.summary) cmd.summary(spec.summary);
  for (const alias of spec.aliases) cmd.alias(alias);
  for (const a of spec.arguments) {
    const argument = new Argument(a.flags, a.description);
    if (a.choices) argument.choices(a.choices);
    if (a.default !== undefined) argument.default(a.default);
    cmd.addArgument(argument);
  }
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.default !== undefined) option.default(o.default, o.defaultDescription);
    if (o.hidden) option.hideHelp();
    if (o.mandatory) option.makeOptionMandatory();
    cmd.addOption(option);
  }
  for (const sub of spec.commands) build(cmd, sub);
}
