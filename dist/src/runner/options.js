import { hostname, userInfo } from 'node:os';
import { resolveConnection } from '../db/url.js';
import { allRules } from '../../rules/index.js';
import { parseDuration } from './duration.js';
import { RunnerUsageError } from './errors.js';
import { redactingLogger, silentLogger } from './logger.js';
import { HISTORY_SCHEMA } from './history.js';
import { runLockKeyFor } from './advisory-lock.js';
import { withSearchPath } from '../db/search-path.js';
export function duration(value, fallback, name) {
    if (value === undefined)
        return fallback;
    const ms = parseDuration(value);
    if (ms === undefined)
        throw new RunnerUsageError(`${name}: '${value}' is not a duration (examples: 500ms, 10s, 3m)`);
    return ms;
}
export function resolveOptions(options) {
    let source;
    let secrets = [];
    let databaseDisplay = 'the given connection';
    if (options.client)
        source = { kind: 'client', client: options.client };
    else if (options.pool)
        source = { kind: 'pool', pool: options.pool };
    else {
        const target = resolveConnection(options.databaseUrl);
        secrets = target.secrets;
        databaseDisplay = target.display;
        source = { kind: 'target', target };
    }
    const searchPath = options.searchPath === undefined ? undefined : validSearchPath(options.searchPath);
    const historySchema = options.historySchema ?? HISTORY_SCHEMA;
    if (!isIdentifier(historySchema))
        throw new RunnerUsageError(`history schema: '${historySchema}' is not a schema name (1 to 63 bytes)`);
    if (searchPath && source.kind === 'target')
        source = { kind: 'target', target: withSearchPath(source.target, searchPath) };
    const databaseUrl = source.kind === 'target' ? (source.target.config.connectionString ?? '') : '';
    const lockRetries = options.lockRetries ?? 10;
    if (!Number.isInteger(lockRetries) || lockRetries < 0)
        throw new RunnerUsageError(`lock retries: '${lockRetries}' is not a whole number >= 0`);
    const isolation = options.isolation ?? 'repeatable read';
    if (isolation !== 'read committed' && isolation !== 'repeatable read') {
        throw new RunnerUsageError(`isolation: '${String(isolation)}' is not 'read committed' or 'repeatable read'`);
    }
    const base = duration(options.retryBaseDelay, 250, 'retry base delay');
    return {
        source,
        secrets,
        databaseDisplay,
        databaseUrl,
        settings: {
            lockTimeoutMs: Math.max(1, duration(options.lockTimeout, 500, 'lock timeout')),
            statementTimeoutMs: duration(options.statementTimeout, 0, 'statement timeout'),
            isolation,
            lockRetries,
            retryDeadlineMs: duration(options.retryDeadline, 600_000, 'retry deadline'),
            backoff: { baseDelayMs: base, maxDelayMs: Math.max(base, 10_000) },
        },
        waitForLockMs: duration(options.waitForLock, 180_000, 'wait for lock'),
        log: redactingLogger(options.logger ?? silentLogger, secrets),
        hooks: options.hooks ?? [],
        rules: options.lint?.rules ?? allRules,
        lintOptions: options.lint?.options ?? {},
        allowUnsafe: options.lint?.allowUnsafe ?? false,
        appliedBy: options.appliedBy ?? defaultAppliedBy(),
        searchPath,
        historySchema,
        runLockKey: runLockKeyFor(historySchema),
    };
}
function isIdentifier(name) {
    return typeof name === 'string' && name.length > 0 && Buffer.byteLength(name) <= 63 && !name.includes('\0');
}
function validSearchPath(path) {
    if (!Array.isArray(path) || path.length === 0 || !path.every(isIdentifier)) {
        throw new RunnerUsageError(`search path: expected a list of schema names, not ${JSON.stringify(path)}`);
    }
    return [...path];
}
export function defaultAppliedBy() {
    try {
        return `${userInfo().username}@${hostname()}`;
    }
    catch {
        return hostname();
    }
}
