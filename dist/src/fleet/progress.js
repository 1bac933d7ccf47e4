import { formatDuration } from '../runner/duration.js';
/**
 * Counts of a rollout as it runs, and an ETA: the mean time of the targets finished so far, spread
 * over the parallelism of the waves still to run, plus their soak times.
 */
export class RolloutProgress {
    total;
    done = 0;
    failed = 0;
    running = 0;
    durations = 0;
    finishedCount = 0;
    wave = '';
    remaining = [];
    constructor(total) {
        this.total = total;
    }
    /** Entering a wave; `after` are the waves behind it (their size, parallelism and soak). */
    enterWave(label, current, after) {
        this.wave = label;
        this.remaining = [current, ...after];
    }
    /** Targets already done before this run (a resume). */
    carried(done) {
        this.done += done;
    }
    started() {
        this.running++;
    }
    finished(ok, durationMs) {
        this.running--;
        if (ok)
            this.done++;
        else
            this.failed++;
        this.durations += durationMs;
        this.finishedCount++;
        if (this.remaining[0])
            this.remaining[0].targets = Math.max(0, this.remaining[0].targets - 1);
    }
    /** Milliseconds left, or undefined before the first target finished. */
    etaMs() {
        if (this.finishedCount === 0)
            return undefined;
        const mean = this.durations / this.finishedCount;
        return this.remaining.reduce((sum, w, i) => sum + Math.ceil(w.targets / w.parallel) * mean + (i === 0 ? 0 : w.soakMs), 0);
    }
    counts() {
        return { done: this.done, failed: this.failed, running: this.running, total: this.total };
    }
    line() {
        const eta = this.etaMs();
        const parts = [`${this.done}/${this.total} done`, `${this.failed} failed`, `${this.running} running`];
        return `wave ${this.wave}: ${parts.join(', ')}${eta === undefined ? '' : `, ETA ${formatDuration(eta)}`}`;
    }
}
