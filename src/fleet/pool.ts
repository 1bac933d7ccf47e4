/**
 * Runs `work` over `items` with at most `parallel` at once, in order; no new item starts once `stopped()`
 * says so (the ones running finish). `work` must not throw.
 */
export async function runPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!stopped() && next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, worker));
}
