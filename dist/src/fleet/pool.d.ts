/**
 * Runs `work` over `items` with at most `parallel` at once, in order; no new item starts once `stopped()`
 * says so (the ones running finish). `work` must not throw.
 */
export declare function runPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>, stopped?: () => boolean): Promise<void>;
