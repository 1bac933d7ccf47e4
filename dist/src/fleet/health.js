import { spawn } from 'node:child_process';
import { connect } from '../db/connect.js';
import { redactError } from '../db/redact.js';
import { withSearchPath } from '../db/search-path.js';
import { parseDatabaseUrl } from '../db/url.js';
import { formatDuration } from '../runner/duration.js';
import { runPool } from './pool.js';
const DEFAULT_INTERVAL_MS = 10_000;
/**
 * The health gate between waves: the check passes on every migrated target (a SQL query returning true,
 * or a command exiting 0), at once and then every interval until the soak time is over. The first
 * failure stops the gate, and with it the rollout.
 */
export async function soak(spec, targets, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const interval = Math.max(100, spec.intervalMs ?? Math.min(DEFAULT_INTERVAL_MS, options.soakMs || DEFAULT_INTERVAL_MS));
    const deadline = Date.now() + options.soakMs;
    let polls = 0;
    for (;;) {
        const result = await checkHealth(spec, targets, options.parallel, options.wave);
        polls++;
        options.onPoll?.(result);
        if (!result.ok)
            return result;
        const left = deadline - Date.now();
        if (left <= 0) {
            const soaked = options.soakMs > 0 ? ` for ${formatDuration(options.soakMs)} (${polls} checks)` : '';
            return { ok: true, detail: `${result.detail}${soaked}` };
        }
        await sleep(Math.min(interval, left));
    }
}
export async function checkHealth(spec, targets, parallel, wave) {
    if (spec.command !== undefined)
        return checkCommand(spec.command, spec.timeoutMs, targets, wave);
    let failure;
    await runPool([...targets], parallel, async (target) => {
        const problem = await checkQuery(spec.sql, spec.timeoutMs, target);
        if (problem && !failure)
            failure = { ok: false, detail: `${target.name}: ${problem}` };
    }, () => failure !== undefined);
    return failure ?? { ok: true, detail: `health query true on ${targets.length} target(s)` };
}
/** undefined when the query returned true; else why not. Read-only, and bounded by the timeout. */
async function checkQuery(sql, timeoutMs, target) {
    const parsed = parseDatabaseUrl(target.url);
    const connection = target.searchPath ? withSearchPath(parsed, target.searchPath) : parsed;
    try {
        const client = await connect(connection, { applicationName: 'pgwarden fleet health', connectTimeoutMs: timeoutMs });
        try {
            await client.query(`set statement_timeout = ${Math.max(1, Math.round(timeoutMs))}; set default_transaction_read_only = on`);
            const { rows, fields } = await client.query(sql);
            const value = rows[0]?.[fields[0]?.name ?? ''];
            if (value === true)
                return undefined;
            if (value === false)
                return 'health query returned false';
            return `health query must return one boolean, it returned ${rows.length === 0 ? 'no row' : JSON.stringify(value)}`;
        }
        finally {
            await client.end().catch(() => undefined);
        }
    }
    catch (error) {
        return `health query failed: ${redactError(error, parsed.secrets)}`;
    }
}
/** A command run by the shell; the wave and its targets are in PGWARDEN_FLEET_WAVE / PGWARDEN_FLEET_TARGETS. */
function checkCommand(command, timeoutMs, targets, wave) {
    return new Promise((resolve) => {
        const child = spawn('/bin/sh', ['-c', command], {
            env: { ...process.env, PGWARDEN_FLEET_WAVE: wave, PGWARDEN_FLEET_TARGETS: targets.map((t) => t.name).join(',') },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const keep = (b) => {
            output = (output + b.toString('utf8')).slice(-2000);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ ok: false, detail: `health command could not start: ${error.message}` });
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const last = output.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
            if (code === 0)
                resolve({ ok: true, detail: `health command passed${last ? `: ${last}` : ''}` });
            else
                resolve({ ok: false, detail: `health command ${signal ? `stopped after ${formatDuration(timeoutMs)}` : `exited ${code}`}${last ? `: ${last}` : ''}` });
        });
    });
}
