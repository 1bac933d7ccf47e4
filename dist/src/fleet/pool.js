/**
 * Runs `work` over `items` with at most `parallel` at once, in order; no new item starts once `stopped()`
 * says so (the ones running finish). `work` must not throw.
 */
export async function runPool(items, parallel, work, stopped = () => false) {
    let next = 0;
    const worker = async () => {
        while (!stopped() && next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, worker));
}
