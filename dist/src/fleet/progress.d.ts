/**
 * Counts of a rollout as it runs, and an ETA: the mean time of the targets finished so far, spread
 * over the parallelism of the waves still to run, plus their soak times.
 */
export declare class RolloutProgress {
    private readonly total;
    private done;
    private failed;
    private running;
    private durations;
    private finishedCount;
    private wave;
    private remaining;
    constructor(total: number);
    /** Entering a wave; `after` are the waves behind it (their size, parallelism and soak). */
    enterWave(label: string, current: {
        targets: number;
        parallel: number;
        soakMs: number;
    }, after: Array<{
        targets: number;
        parallel: number;
        soakMs: number;
    }>): void;
    /** Targets already done before this run (a resume). */
    carried(done: number): void;
    started(): void;
    finished(ok: boolean, durationMs: number): void;
    /** Milliseconds left, or undefined before the first target finished. */
    etaMs(): number | undefined;
    counts(): {
        done: number;
        failed: number;
        running: number;
        total: number;
    };
    line(): string;
}
