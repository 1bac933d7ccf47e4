import { describe, expect, it } from 'vitest';
import { parseDuration, formatDuration } from '../../src/runner/duration.js';
import { backoffDelay, isRetryable } from '../../src/runner/retry.js';
import { quoteIdent, quoteLiteral } from '../../src/db/quote.js';

describe('durations', () => {
  it('parses the forms the flags accept', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('10s')).toBe(10_000);
    expect(parseDuration('3m')).toBe(180_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('250')).toBe(250);
    expect(parseDuration(42)).toBe(42);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('-1s')).toBeUndefined();
  });

  it('formats for output lines', () => {
    expect(formatDuration(85)).toBe('85 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
  });
});

describe('retry policy', () => {
  it('retries lock timeouts, serialization failures and deadlocks only', () => {
    expect(isRetryable({ code: '55P03' })).toBe(true);
    expect(isRetryable({ code: '40001' })).toBe(true);
    expect(isRetryable({ code: '40P01' })).toBe(true);
    expect(isRetryable({ code: '42P01' })).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });

  it('backs off exponentially with jitter between half and all of the step, up to the cap', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });
});

describe('quoting', () => {
  it('quotes identifiers and literals', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
  });
});
