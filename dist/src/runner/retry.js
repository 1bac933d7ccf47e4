/** SQLSTATEs after which the migration is rolled back and tried again. */
export const LOCK_NOT_AVAILABLE = '55P03';
export const SERIALIZATION_FAILURE = '40001';
export const DEADLOCK_DETECTED = '40P01';
export function sqlState(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/**
 * A lock timeout is retried because waiting longer would queue application queries behind the
 * migration's lock request; a serialization failure or deadlock because the same work succeeds once the
 * concurrent transaction is gone.
 */
export function isRetryable(error) {
    const code = sqlState(error);
    return code === LOCK_NOT_AVAILABLE || code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}
/**
 * Exponential backoff with jitter: half the delay is fixed, half random, so that several runners (or a
 * runner and a retrying application) do not come back in lockstep.
 */
export function backoffDelay(retry, policy, random = Math.random) {
    const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(exp / 2 + random() * (exp / 2));
}
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
