import chalk, { Chalk } from 'chalk';
import { countFindings } from './types.js';
/** Lines of a statement shown in the code frame; longer ranges end with an ellipsis. */
const FRAME_LINES = 4;
/**
 * The human format: per finding `path:line:column  severity  message  rule-id`, a code frame with the
 * range underlined and the help, then a summary. Colours come from chalk, which turns them off when
 * standard output is not a terminal; NO_COLOR is checked here because chalk 5 ignores it.
 */
export function createPrettyReporter(given) {
    return ({ findings, files, sources }) => {
        const colors = given ?? defaultColors();
        if (findings.length === 0) {
            return colors.green(`✔ no problems in ${files.length} ${files.length === 1 ? 'file' : 'files'}`) + '\n';
        }
        const out = [];
        for (const f of findings) {
            const severity = f.severity === 'error' ? colors.red('error') : f.severity === 'info' ? colors.blue('info') : colors.yellow('warning');
            out.push(`${colors.bold(`${f.file}:${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${colors.dim(f.rule)}`);
            const text = sources.get(f.file);
            if (text !== undefined)
                out.push(...codeFrame(text, f, colors));
            if (f.help)
                out.push(`  ${colors.cyan('help:')} ${f.help}`);
            out.push('');
        }
        const { errors, warnings } = countFindings(findings);
        const summary = `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
        out.push(errors > 0 ? colors.red.bold(summary) : colors.yellow.bold(summary));
        return out.join('\n') + '\n';
    };
}
export const prettyReporter = createPrettyReporter();
/** https://no-color.org: a non-empty NO_COLOR turns colour off, whatever the terminal supports. */
function defaultColors() {
    return process.env.NO_COLOR ? new Chalk({ level: 0 }) : chalk;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** The finding's first lines with a gutter and its range underlined (columns count characters). */
export function codeFrame(text, f, colors) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const last = Math.min(f.endLine, f.line + FRAME_LINES - 1, lines.length);
    const width = String(last).length;
    const out = [];
    for (let n = f.line; n <= last; n++) {
        const chars = Array.from(lines[n - 1] ?? '');
        const from = n === f.line ? f.column - 1 : firstNonBlank(chars);
        const to = n === f.endLine ? f.endColumn - 1 : chars.length;
        out.push(`  ${colors.dim(`${String(n).padStart(width)} |`)} ${chars.join('')}`);
        const length = Math.max(1, to - from);
        if (from > chars.length)
            continue;
        // Keep tabs so that the carets line up under the code.
        const pad = chars.slice(0, from).map((c) => (c === '\t' ? '\t' : ' ')).join('');
        out.push(`  ${colors.dim(`${' '.repeat(width)} |`)} ${pad}${colors.red('^'.repeat(length))}`);
    }
    if (last < f.endLine)
        out.push(`  ${colors.dim(`${' '.repeat(width)} |`)} …`);
    return out;
}
function firstNonBlank(chars) {
    const i = chars.findIndex((c) => c !== ' ' && c !== '\t');
    return i < 0 ? 0 : i;
}
