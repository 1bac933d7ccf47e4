import chalk from 'chalk';
import { redact } from '../db/redact.js';
/**
 * The demo's output: numbered step headings, indented detail lines, and a runner logger that prints
 * the runner's events under the current step (and keeps them, so a step can check what happened).
 */
export class DemoOutput {
    out;
    events = [];
    secrets = [];
    constructor(out) {
        this.out = out;
    }
    /** Scrubs `secret` from everything printed from now on. */
    hide(secret) {
        this.secrets.push(secret);
    }
    heading(step, title, explanation) {
        this.write(`\n${chalk.bold(`${step}. ${title}`)}\n${chalk.dim(`   ${explanation}`)}\n`);
    }
    line(text) {
        this.write(`${indent(text)}\n`);
    }
    /** Unindented text: the opening and closing lines. */
    text(text) {
        this.write(`${text}\n`);
    }
    /** Text that is already formatted (a lint report): indented as a block. */
    block(text) {
        this.write(`${text.replace(/\n$/, '').split('\n').map((l) => (l ? `   ${l}` : '')).join('\n')}\n`);
    }
    ok(text) {
        this.line(`${chalk.green('✔')} ${text}`);
    }
    fail(text) {
        this.line(`${chalk.red('✖')} ${text}`);
    }
    /** A logger for createRunner/safetyHooks; events are also kept in `events`. */
    logger() {
        const log = (level) => (event, fields = {}) => {
            this.events.push({ level, event, fields });
            // progress lines ("applying …") and quiet duplicates add nothing to a transcript
            if (fields.progress || fields.quiet)
                return;
            const message = typeof fields.message === 'string' ? fields.message : event;
            const prefix = level === 'error' ? chalk.red('error: ') : level === 'warn' ? chalk.yellow('warning: ') : '';
            this.line(`${prefix}${message}`);
        };
        return { info: log('info'), warn: log('warn'), error: log('error') };
    }
    /** Events logged since `mark` (an earlier events.length). */
    since(mark) {
        return this.events.slice(mark);
    }
    write(text) {
        this.out.write(redact(text, this.secrets));
    }
}
function indent(text) {
    return text.split('\n').map((l) => `   ${l}`).join('\n');
}
