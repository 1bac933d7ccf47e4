import type { RunLogger } from '../runner/hooks.js';
export interface LoggedEvent {
    level: 'info' | 'warn' | 'error';
    event: string;
    fields: Record<string, unknown>;
}
/**
 * The demo's output: numbered step headings, indented detail lines, and a runner logger that prints
 * the runner's events under the current step (and keeps them, so a step can check what happened).
 */
export declare class DemoOutput {
    private readonly out;
    readonly events: LoggedEvent[];
    private readonly secrets;
    constructor(out: NodeJS.WritableStream);
    /** Scrubs `secret` from everything printed from now on. */
    hide(secret: string): void;
    heading(step: number, title: string, explanation: string): void;
    line(text: string): void;
    /** Unindented text: the opening and closing lines. */
    text(text: string): void;
    /** Text that is already formatted (a lint report): indented as a block. */
    block(text: string): void;
    ok(text: string): void;
    fail(text: string): void;
    /** A logger for createRunner/safetyHooks; events are also kept in `events`. */
    logger(): RunLogger;
    /** Events logged since `mark` (an earlier events.length). */
    since(mark: number): LoggedEvent[];
    private write;
}
