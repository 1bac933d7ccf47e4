/** SQLSTATEs after which the migration is rolled back and tried again. */
export declare const LOCK_NOT_AVAILABLE = "55P03";
export declare const SERIALIZATION_FAILURE = "40001";
export declare const DEADLOCK_DETECTED = "40P01";
export declare function sqlState(error: unknown): string | undefined;
/**
 * A lock timeout is retried because waiting longer would queue application queries behind the
 * migration's lock request; a serialization failure or deadlock because the same work succeeds once the
 * concurrent transaction is gone.
 */
export declare function isRetryable(error: unknown): boolean;
export interface BackoffPolicy {
    /** Delay before the first retry (ms). */
    baseDelayMs: number;
    /** Largest delay between two attempts (ms). */
    maxDelayMs: number;
}
/**
 * Exponential backoff with jitter: half the delay is fixed, half random, so that several runners (or a
 * runner and a retrying application) do not come back in lockstep.
 */
export declare function backoffDelay(retry: number, policy: BackoffPolicy, random?: () => number): number;
export declare const sleep: (ms: number) => Promise<void>;
