import { Argument, Option } from 'commander';
export const MANIFEST_FILE = 'command-manifest.json';
/** The manifest of a program's commands (the program's own options are built by the CLI itself). */
export function describeCommands(program, version) {
    return { version, commands: program.commands.map(describe) };
}
function describe(cmd) {
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
export function addManifestCommands(program, manifest, skip = new Set()) {
    for (const command of manifest.commands)
        if (!skip.has(command.name))
            build(program, command);
}
function build(parent, spec) {
    // .command() copies the parent's settings (exit override, suggestions, output) as registration does
    const cmd = parent.command(spec.name).description(spec.description);
    if (spec.summary)
        cmd.summary(spec.summary);
    for (const alias of spec.aliases)
        cmd.alias(alias);
    for (const a of spec.arguments) {
        const argument = new Argument(a.flags, a.description);
        if (a.choices)
            argument.choices(a.choices);
        if (a.default !== undefined)
            argument.default(a.default);
        cmd.addArgument(argument);
    }
    for (const o of spec.options) {
        const option = new Option(o.flags, o.description);
        if (o.choices)
            option.choices(o.choices);
        if (o.default !== undefined)
            option.default(o.default, o.defaultDescription);
        if (o.hidden)
            option.hideHelp();
        if (o.mandatory)
            option.makeOptionMandatory();
        cmd.addOption(option);
    }
    for (const sub of spec.commands)
        build(cmd, sub);
}
