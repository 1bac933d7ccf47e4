import { allRules } from '../../../rules/index.js';
import { UserError } from '../errors.js';
import { builtinRuleMetas } from '../../report/builtin-rules.js';
import { pgVersions, ruleDocPage } from './rules.js';
import { closestId } from '../../lint/suggest.js';
export { closestId };
export function registerExplain(program) {
    program
        .command('explain')
        .description("Explain a rule: why it matters and the safe alternative.")
        .argument('<rule>', 'rule id, e.g. ban-drop-column')
        .option('-f, --format <format>', 'text or markdown', 'text')
        .action((id, flags) => {
        // the engine's own finding kinds (syntax-error…) show up in reports too, so they can be explained
        const rule = findRule([...allRules, ...builtinRuleMetas.map((meta) => ({ meta }))], id);
        if (flags.format === 'markdown')
            process.stdout.write(ruleDocPage(rule));
        else if (flags.format === 'text')
            process.stdout.write(explainText(rule));
        else
            throw new UserError(`unknown format '${flags.format}' (use text or markdown)`);
    });
}
/** The rule with this id; a UserError suggesting the closest id otherwise. */
export function findRule(rules, id) {
    const rule = rules.find((r) => r.meta.id === id.trim().toLowerCase());
    if (rule)
        return rule;
    const closest = closestId(rules.map((r) => r.meta.id), id);
    throw new UserError(`unknown rule '${id}'${closest ? `; did you mean '${closest}'?` : ''} (run \`pgwarden rules\` for the list)`);
}
function indent(text) {
    return text
        .split('\n')
        .map((line) => (line ? `  ${line}` : line))
        .join('\n');
}
/** The terminal form of a rule's documentation. */
export function explainText(rule) {
    const { meta } = rule;
    const range = pgVersions(rule);
    const versions = range === 'all' ? '' : `, PostgreSQL ${range}`;
    return [
        `${meta.id} (${meta.category}, ${meta.defaultSeverity} by default${versions})`,
        '',
        indent(meta.summary),
        '',
        'Why',
        indent(meta.why),
        '',
        'Safe alternative',
        indent(meta.safeAlternative),
        '',
        ...(meta.limits ? ['Limits', indent(meta.limits), ''] : []),
        `Suppress one statement: -- pgwarden-ignore ${meta.id}: <reason>`,
        '',
    ].join('\n');
}
