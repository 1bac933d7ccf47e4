import { basename } from 'node:path';
import { LintInputs } from '../api/lint.js';
import { analyzeFile, lintSources } from '../lint/engine.js';
import { analyzeTransactions } from '../analysis/transactions.js';
import { SourceFile } from '../sql/source.js';
import { forwardText } from '../sql/sections.js';
import { concurrentIndex, notNullViaCheck, notValidConstraint, NotFixable } from './statements.js';
import { followingMigration, withoutTransaction } from './layout.js';
/** The rules whose findings `pgwarden fix` rewrites. */
export const FIXABLE_RULES = ['require-concurrent-index-creation', 'adding-foreign-key-constraint', 'constraint-missing-not-valid', 'adding-not-nullable-field', 'require-lock-timeout'];
export const DEFAULT_FIX_LOCK_TIMEOUT = '2s';
/**
 * Rewrites the findings of one migration file that have a mechanical safe form, decides where the
 * statements that must follow in a later transaction go (the same file when it runs statement by
 * statement, else a new migration right after it), and lints the result: each fixed rule must be quiet
 * on what was rewritten, or the fix is refused.
 */
export async function fixFile(path, options) {
    const collector = new LintInputs();
    await collector.add(path);
    const inputs = collector.inputs;
    const target = inputs.find((i) => !i.context);
    if (!target)
        throw new NotFixable(`${path} is not a migration to fix`);
    if (options.text !== undefined)
        target.text = options.text;
    const tool = options.lint?.tool ?? target.runner?.tool ?? 'pgwarden';
    const lintOptions = options.lint ?? {};
    const result = await lintSources(inputs, options.rules, lintOptions);
    const mine = result.findings.filter((f) => f.file === target.path && !f.suppressed && FIXABLE_RULES.includes(f.rule));
    const text = target.text;
    const { statements } = analyzeFile(new SourceFile(target.path, forwardText(text)));
    const topLevel = statements.filter((s) => !s.parent);
    const fixed = [];
    const skipped = [];
    const planned = [];
    let preamble = false;
    for (const finding of mine) {
        if (finding.rule === 'require-lock-timeout') {
            preamble = true;
            continue;
        }
        const statement = topLevel.find((s) => contains(s, finding));
        if (!statement || planned.some((p) => p.statement === statement))
            continue;
        try {
            const rewrite = rewriteFor(finding, statement);
            planned.push({ statement, rewrite, line: finding.line });
        }
        catch (error) {
            if (!(error instanceof NotFixable))
                throw error;
            skipped.push({ rule: finding.rule, line: finding.line, message: error.message });
        }
    }
    const lockTimeout = options.lockTimeout ?? DEFAULT_FIX_LOCK_TIMEOUT;
    const build = (inPlace = new Set()) => compose(text, planned, preamble ? lockTimeout : undefined, topLevel, inPlace, marker ? tool : undefined);
    const where = (c, p) => transactionAt(c, p, lintOptions, tool, target);
    // CREATE INDEX CONCURRENTLY must run alone: as the file is, else with the tool's no-transaction marker
    let marker = false;
    const concurrentOk = (c) => planned.filter((p) => p.rewrite.outsideTransaction).every((p) => where(c, p) !== 'shared');
    if (!concurrentOk(build())) {
        marker = withoutTransaction(text, tool) !== undefined;
        if (!marker || !concurrentOk(build())) {
            marker = false;
            const keepPreamble = preamble;
            preamble = false;
            if (keepPreamble && concurrentOk(build())) {
                // golang-migrate/Prisma: one statement more would make the file one implicit transaction; the
                // CONCURRENTLY build blocks no writes while it waits, so the lock_timeout finding is gone with it
                // (verify() checks that)
            }
            else {
                preamble = keepPreamble;
                for (const p of planned.filter((q) => q.rewrite.outsideTransaction)) {
                    skipped.push({ rule: p.rewrite.rule, line: p.line, message: `${tool} runs this file in one transaction: move the CREATE INDEX CONCURRENTLY into a migration of its own` });
                }
                planned.splice(0, planned.length, ...planned.filter((q) => !q.rewrite.outsideTransaction));
            }
        }
    }
    // statements that must follow a commit: in place where the file runs statement by statement, else in
    // a new migration right after this one
    const withFollowUps = planned.filter((p) => p.rewrite.followUps.length > 0);
    let inPlace = new Set(withFollowUps.filter((p) => where(build(), p) === 'alone'));
    const placed = build(inPlace);
    // a one-statement golang-migrate file runs on its own, but not once the VALIDATE is added to it
    inPlace = new Set([...inPlace].filter((p) => where(placed, p) === 'alone' && !sharesWithNext(placed, p, lintOptions, tool, target)));
    const elsewhere = withFollowUps.filter((p) => !inPlace.has(p));
    const following = elsewhere.length > 0 ? await followingMigration(target.path, tool) : undefined;
    if (elsewhere.length > 0 && !following) {
        for (const p of elsewhere) {
            skipped.push({ rule: p.rewrite.rule, line: p.line, message: `the VALIDATE must run in a later transaction, and ${tool}'s layout has no free migration name right after this one: add it by hand` });
        }
        planned.splice(0, planned.length, ...planned.filter((q) => !elsewhere.includes(q)));
    }
    const final = build(inPlace);
    const changes = [];
    if (final.text !== text)
        changes.push({ path: target.path, before: text, after: final.text });
    const later = following ? elsewhere.flatMap((p) => p.rewrite.followUps) : [];
    if (later.length > 0 && following) {
        const after = `${following.header}-- follows ${basename(target.path)}: validates what it added NOT VALID, in a transaction of its own\nSET lock_timeout = '${lockTimeout}';\n${later.map((st) => `${st};\n`).join('')}`;
        changes.push({ path: following.path, before: null, after });
    }
    for (const p of planned)
        fixed.push({ rule: p.rewrite.rule, line: p.line, message: describe(p.rewrite) });
    if (preamble)
        fixed.push({ rule: 'require-lock-timeout', line: 1, message: `SET lock_timeout = '${lockTimeout}' at the start` });
    await verify(inputs, target, changes, options, fixed, skipped);
    return { changes, fixed, skipped };
}
function rewriteFor(finding, statement) {
    switch (finding.rule) {
        case 'require-concurrent-index-creation':
            if (/ON ONLY/.test(finding.help ?? ''))
                throw new NotFixable('a partitioned table takes CREATE INDEX CONCURRENTLY per partition (ON ONLY, then ATTACH): not rewritten');
            return concurrentIndex(statement);
        case 'adding-foreign-key-constraint':
        case 'constraint-missing-not-valid':
            if (/same transaction that added it/.test(finding.message))
                throw new NotFixable('move the VALIDATE CONSTRAINT into a later migration');
            return notValidConstraint(statement, finding.rule);
        case 'adding-not-nullable-field':
            return notNullViaCheck(statement);
        default:
            throw new NotFixable('no rewrite for this rule');
    }
}
function describe(r) {
    if (r.outsideTransaction)
        return 'CREATE INDEX CONCURRENTLY';
    if (r.rule === 'adding-not-nullable-field')
        return 'CHECK (… IS NOT NULL) NOT VALID, then VALIDATE, SET NOT NULL, DROP the CHECK';
    return 'NOT VALID, then VALIDATE CONSTRAINT';
}
function contains(s, f) {
    const after = (a, b) => a.line > b.line || (a.line === b.line && a.column >= b.column);
    const at = { line: f.line, column: f.column };
    return after(at, s.range.start) && after(s.range.end, at);
}
/** Applies the rewrites (and the follow-ups placed in the file), the lock_timeout preamble and the marker. */
function compose(text, planned, lockTimeout, topLevel, inPlace, markerFor) {
    const ordered = [...planned].sort((a, b) => a.statement.start - b.statement.start);
    let out = '';
    let at = 0;
    const ends = new Map();
    if (lockTimeout !== undefined && topLevel.length > 0) {
        const first = topLevel[0];
        // before the comments that direct the first statement, so that they keep directing it
        const start = Math.min(first.start, ...first.directives.map((d) => lineStart(text, d.comment.start)));
        out += text.slice(0, start) + `SET lock_timeout = '${lockTimeout}';\n`;
        at = start;
    }
    for (const p of ordered) {
        out += text.slice(at, p.statement.start) + p.rewrite.text;
        ends.set(p, out.length);
        at = p.statement.end;
        if (inPlace.has(p)) {
            const semicolon = text.indexOf(';', at);
            const cut = semicolon === -1 ? at : semicolon + 1;
            out += text.slice(at, cut) + p.rewrite.followUps.map((st) => `\n${st};`).join('');
            at = cut;
        }
    }
    out += text.slice(at);
    if (markerFor === undefined)
        return { text: out, ends };
    // the marker goes before every statement: each position moves by the same amount
    const marked = withoutTransaction(out, markerFor) ?? out;
    const shift = marked.length - out.length;
    return { text: marked, ends: new Map([...ends].map(([p, e]) => [p, e + shift])) };
}
function lineStart(text, index) {
    return text.lastIndexOf('\n', index - 1) + 1;
}
function analyzed(c, lint, tool, target) {
    const { parsed, statements } = analyzeFile(new SourceFile(target.path, forwardText(c.text)));
    const top = statements.map((s, i) => ({ s, i })).filter(({ s }) => !s.parent);
    const tx = analyzeTransactions(statements, parsed.directives, lint.transaction ?? 'auto', lint.pgVersion, { ...target.runner, tool });
    return { statements, top, tx };
}
/** How the rewritten statement runs in the composed file: on its own, or sharing a transaction. */
function transactionAt(c, p, lint, tool, target) {
    const { top, tx } = analyzed(c, lint, tool, target);
    const end = c.ends.get(p) ?? 0;
    const found = top.find(({ s }) => s.start <= end && s.end >= end);
    if (!found)
        return 'shared';
    const state = tx.states[found.i];
    // alone in an implicit transaction (a one-statement file) is as good as outside one
    return !state.inTransaction || !top.some(({ i }) => i !== found.i && tx.states[i].id === state.id) ? 'alone' : 'shared';
}
/** Whether the statement after the rewritten one shares its transaction. */
function sharesWithNext(c, p, lint, tool, target) {
    const { top, tx } = analyzed(c, lint, tool, target);
    const end = c.ends.get(p) ?? 0;
    const at = top.findIndex(({ s }) => s.start <= end && s.end >= end);
    const next = top[at + 1];
    return at !== -1 && next !== undefined && tx.states[top[at].i].inTransaction && tx.states[next.i].id === tx.states[top[at].i].id;
}
/**
 * Lints the fixed files after their history. Each fixed rule may still report only as often as it was
 * skipped, and CREATE INDEX CONCURRENTLY may not land in a transaction: otherwise nothing is written.
 */
async function verify(inputs, target, changes, options, fixed, skipped) {
    if (changes.length === 0)
        return;
    const set = inputs.map((i) => (i === target ? { ...target, text: changes[0].after } : i));
    for (const c of changes.filter((ch) => ch.before === null))
        set.push({ path: c.path, text: c.after, runner: target.runner });
    const result = await lintSources(set, options.rules, options.lint ?? {});
    const paths = new Set(changes.map((c) => c.path));
    const mine = result.findings.filter((f) => paths.has(f.file) && !f.suppressed);
    const problems = [];
    for (const rule of new Set(fixed.map((f) => f.rule))) {
        const left = mine.filter((f) => f.rule === rule);
        if (left.length > skipped.filter((s) => s.rule === rule).length)
            problems.push(...left.map((f) => `${f.rule} at ${f.file}:${f.line}`));
    }
    for (const f of mine.filter((m) => m.rule === 'ban-concurrent-index-creation-in-transaction'))
        problems.push(`${f.rule} at ${f.file}:${f.line}`);
    if (problems.length > 0)
        throw new Error(`the rewrite of ${target.path} would still get ${problems.join(', ')}: nothing written`);
}
