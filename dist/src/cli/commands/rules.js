import { allRules } from '../../../rules/index.js';
import { PG_FEATURES, SUPPORTED_PG_MAJORS } from '../../analysis/pg-features.js';
import { RULE_EXAMPLES } from '../../../rules/lib/examples.js';
import { UserError } from '../errors.js';
export function registerRules(program) {
    program
        .command('rules')
        .description('List every rule with its category, default severity and summary.')
        .option('-f, --format <format>', 'text, json or markdown', 'text')
        .action((flags) => {
        process.stdout.write(renderRuleList(allRules, flags.format));
    });
}
/** The rule list in one of the `rules` command's formats. */
export function renderRuleList(rules, format) {
    if (format === 'json') {
        const list = rules.map(({ meta }) => ({
            id: meta.id,
            category: meta.category,
            defaultSeverity: meta.defaultSeverity,
            summary: meta.summary,
        }));
        return JSON.stringify(list, null, 2) + '\n';
    }
    if (format === 'markdown')
        return rulesCatalog(rules);
    if (format !== 'text')
        throw new UserError(`unknown format '${format}' (use text, json or markdown)`);
    const idWidth = Math.max(...rules.map((r) => r.meta.id.length), 4);
    const categoryWidth = Math.max(...rules.map((r) => r.meta.category.length), 8);
    const lines = rules.map(({ meta }) => `${meta.id.padEnd(idWidth)}  ${meta.category.padEnd(categoryWidth)}  ${meta.defaultSeverity.padEnd(7)}  ${meta.summary}`);
    const header = `${'rule'.padEnd(idWidth)}  ${'category'.padEnd(categoryWidth)}  ${'default'.padEnd(7)}  summary`;
    return [header, ...lines, '', 'Run `pgwarden explain <rule>` for why a rule matters and the safe alternative.', ''].join('\n');
}
function tableCell(text) {
    return text.replace(/\|/g, '\\|');
}
/** docs/rules-catalog.md: the README's rule table, linking each rule's page. */
export function rulesCatalog(rules) {
    const rows = rules.map(({ meta }) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.category} | ${meta.defaultSeverity} | ${tableCell(meta.summary)} |`);
    return [
        '<!-- generated from the rules\' metadata by `npm run docs:rules`; do not edit by hand -->',
        'Each rule has a page under [docs/rules/](docs/rules/) with why it matters and the safe alternative in SQL;',
        '`pgwarden rules` prints this list (`--format json` for tools) and `pgwarden explain <rule>` prints a rule\'s page',
        'in the terminal. Statements inside `DO` blocks are checked like any other, at their own line and column,',
        'because a DO block runs when the migration runs (an `EXECUTE` of a constant string too; one of SQL built at run time',
        'cannot be checked and is named by `dynamic-sql-in-do-block`); the bodies of `CREATE FUNCTION`/`CREATE PROCEDURE` are',
        'not, because they run later (if ever). Each rule\'s page states its limits: what it does not see, and where it',
        'deliberately reports differently from squawk.',
        '',
        '| Rule | Category | Default | Summary |',
        '|---|---|---|---|',
        ...rows,
        '',
        'Severity `off` means the rule is opt-in: enable it in `pgwarden.config.json` (`"rules": { "<id>": "warning" }`).',
        '',
    ].join('\n');
}
/** The PostgreSQL versions a rule applies to, in words. */
export function pgVersions(rule) {
    const { minPgVersion: min, maxPgVersion: max } = rule.meta;
    if (min !== undefined && max !== undefined)
        return `${min} to ${max}`;
    if (min !== undefined)
        return `${min} and later`;
    if (max !== undefined)
        return `up to ${max}`;
    return 'all';
}
const OLDEST = SUPPORTED_PG_MAJORS[0];
/** docs/pg-versions.md's table of version facts, from src/analysis/pg-features.ts (the rules read the same). */
export function pgFeaturesTable(rules) {
    const rows = Object.entries(PG_FEATURES)
        .sort(([, a], [, b]) => a.since - b.since)
        .map(([name, f]) => {
        const users = rules.filter((r) => r.meta.adviceNeeds === name || r.meta.newerAdvice?.feature === name).map((r) => `[\`${r.meta.id}\`](rules/${r.meta.id}.md)`);
        return `| ${f.since} | ${tableCell(f.what)} | \`${name}\` | ${users.join(', ')} |`;
    });
    return ['| first major | behaviour | fact | advice that relies on it |', '|---|---|---|---|', ...rows, ''].join('\n');
}
/** From which major the safe alternative works, in words (the rule's own gate, or the feature it needs). */
export function adviceFrom(rule) {
    const { adviceNeeds, minPgVersion, newerAdvice } = rule.meta;
    const feature = adviceNeeds ? PG_FEATURES[adviceNeeds] : undefined;
    const since = Math.max(feature?.since ?? 0, minPgVersion ?? 0);
    const base = since <= OLDEST ? `every supported major (${OLDEST}–${SUPPORTED_PG_MAJORS.at(-1)})` : `${since} and later${feature ? ` (${feature.what})` : ''}`;
    return newerAdvice ? `${base}; from ${PG_FEATURES[newerAdvice.feature].since}: ${PG_FEATURES[newerAdvice.feature].what}` : base;
}
/** docs/rules/<id>.md: one rule's page, generated from its metadata so the two cannot disagree. */
export function ruleDocPage(rule) {
    const { meta } = rule;
    const out = [
        `<!-- generated from rules/${meta.id}.ts by \`npm run docs:rules\`; do not edit by hand -->`,
        `# ${meta.id}`,
        '',
        `> ${meta.summary}`,
        '',
        '| Category | Default severity | PostgreSQL versions | Advice works on |',
        '|---|---|---|---|',
        `| ${meta.category} | ${meta.defaultSeverity} | ${pgVersions(rule)} | ${adviceFrom(rule)} |`,
        '',
        '## Why',
        '',
        meta.why,
        '',
    ];
    const example = RULE_EXAMPLES[meta.id];
    if (example) {
        out.push('## Example', '');
        if (example.setup.trim())
            out.push('On a database where', '', '```sql', example.setup.trim(), '```', '', 'this migration is reported:');
        else
            out.push('This migration is reported:');
        out.push('', '```sql', example.unsafe.trim(), '```', '');
        if (example.serverRefuses)
            out.push(`PostgreSQL refuses it when it runs (\`${example.serverRefuses}\`): the deploy fails.`, '');
    }
    out.push('## Safe alternative', '', meta.safeAlternative, '');
    if (example?.adviceReported)
        out.push(`Known limit: ${example.adviceReported}.`, '');
    if (meta.newerAdvice) {
        const feature = PG_FEATURES[meta.newerAdvice.feature];
        out.push(`### On PostgreSQL ${feature.since} and later`, '', meta.newerAdvice.safeAlternative, '');
    }
    out.push(`Checked on PostgreSQL ${OLDEST} to ${SUPPORTED_PG_MAJORS.at(-1)} by \`npm run test:pg-matrix\`: the example is reported and runs as shown, and each SQL block of the advice (one migration each) runs on every major the advice is for.`, '');
    if (meta.limits)
        out.push('## Limits', '', meta.limits, '');
    if (meta.lockClaim) {
        const claim = meta.lockClaim;
        out.push('## Lock taken', '', `\`${claim.statement.trim()}\` takes **${claim.mode}** on \`${claim.table}\`${claim.rewrite ? ' and rewrites the table' : ''}` +
            ' (checked against a real PostgreSQL server by the test suite).', '');
    }
    out.push('## Help shown with each finding', '', meta.help, '', '## Suppressing', '', 'For one statement, with the reason on record:', '', '```sql', `-- pgwarden-ignore ${meta.id}: <why this is safe here>`, '```', '', `For a whole file: \`-- pgwarden-ignore-file ${meta.id}: <reason>\`. To change the severity or turn the rule ${meta.defaultSeverity === 'off' ? 'on' : 'off'}, set \`"rules": { "${meta.id}": "${meta.defaultSeverity === 'off' ? 'warning' : 'off'}" }\` in \`pgwarden.config.json\`.`, '');
    return out.join('\n');
}
