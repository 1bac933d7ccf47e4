import chalk from 'chalk';
import type { RunLogger } from '../runner/hooks.js';
import { redact } from '../db/redact.js';

export interface LoggedEvent {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: Record<string, unknown>;
}

/**
 * The demo's output: numbered step headings, indented detail lines, and a runner logger that prints
 * the runner's events under the current step (and keeps them, so a step can check what happened).
 */
export class DemoOutput {
  readonly events: LoggedEvent[] = [];
  private readonly secrets: string[] = [];

  constructor(private readonly out: NodeJS.WritableStream) {}

  /** Scrubs `secret` from everything printed from now on. */
  hide(secret: string): void {
    this.secrets.push(secret);
  }

  heading(step: number, title: string, explanation: string): void {
    this.write(`\n${chalk.bold(`${step}. ${title}`)}\n${chalk.dim(`   ${explanation}`)}\n`);
  }

  line(text: string): void {
    this.write(`${indent(text)}\n`);
  }

  /** Unindented text: the opening and closing lines. */
  text(text: string): void {
    this.write(`${text}\n`);
  }

  /** Text that is already formatted (a lint report): indented as a block. */
  block(text: string): void {
    this.write(`${text.replace(/\n$/, '').split('\n').map((l) => (l ? `   ${l}` : '')).join('\n')}\n`);
  }

  ok(text: string): void {
    this.line(`${chalk.green('✔')} ${text}`);
  }

  fail(text: string): void {
    this.line(`${chalk.red('✖')} ${text}`);
  }

  /** A logger for createRunner/safetyHooks; events are also kept in `events`. */
  logger(): RunLogger {
    const log = (level: LoggedEvent['level']) => (event: string, fields: Record<string, unknown> = {}) => {
      this.events.push({ level, event, fields });
      // progress lines ("applying …") and quiet duplicates add nothing to a transcript
      if (fields.progress || fields.quiet) return;
      const message = typeof fields.message === 'string' ? fields.message : event;
      const prefix = level === 'error' ? chalk.red('error: ') : level === 'warn' ? chalk.yellow('warning: ') : '';
      this.line(`${prefix}${message}`);
    };
    return { info: log('info'), warn: log('warn'), error: log('error') };
  }

  /** Events logged since `mark` (an earlier events.length). */
  since(mark: number): LoggedEvent[] {
    return this.events.slice(mark);
  }

  private write(text: string): void {
    this.out.write(redact(text, this.secrets));
  }
}

function indent(text: string): string {
  return text.split('\n').map((l) => `   ${l}`).join('\n');
}
