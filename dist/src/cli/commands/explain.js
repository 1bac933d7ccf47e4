import { allRules } from '../../../rules/index.js';
import { UserError } from '../errors.js';
import { builtinRuleMetas } from '../../report/builtin-rules.js';
import { pgVersions, ruleDocPage } from './rules.js';
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
/** The id with the smallest edit distance to `wanted`, if it is close enough to be a plausible typo. */
export function closestId(ids, wanted) {
    let best;
    let bestDistance = Infinity;
    for (const id of ids) {
        const d = distance(id, wanted.toLowerCase());
        if (d < bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    // a substring match (e.g. `drop-column`) is a good hint even when many letters differ
    const containing = ids.find((id) => wanted.length >= 4 && id.includes(wanted.toLowerCase()));
    if (containing && bestDistance > 3)
        return containing;
    return bestDistance <= Math.max(3, Math.floor(wanted.length / 3)) ? best : undefined;
}
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
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
