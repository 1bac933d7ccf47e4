import { createRunner } from '../runner/runner.js';
import { GateRefusedError, formatFinding } from '../runner/gate.js';
import { MigrationFailedError } from '../runner/execute.js';
/** The runner options of one target: its URL, search_path and history, and a backup directory of its own. */
export function runnerOptionsFor(target, settings, log) {
    return {
        ...settings.runner,
        databaseUrl: target.url,
        dir: settings.dir,
        logger: log,
        ...(target.searchPath ? { searchPath: target.searchPath } : {}),
        ...(target.historySchema ? { historySchema: target.historySchema } : {}),
    };
}
/**
 * One target's guarded run — lint gate, backup, apply under its run lock, verification, restore,
 * history — exactly as `pgwarden migrate up` does it, on connections of its own. Never throws: every
 * failure is an outcome the rollout weighs against its error budget.
 */
export async function migrateTarget(target, settings, log) {
    const start = Date.now();
    const applied = [];
    let restored = null;
    const watch = (event, fields) => {
        if (event === 'migrated' && typeof fields?.migration === 'string')
            applied.push(fields.migration);
        else if (event === 'restore.done' || event === 'restore.not-needed')
            restored = true;
        else if (event === 'restore.mismatch' || event === 'restore.failed' || event === 'restore.impossible')
            restored = false;
    };
    const watched = {
        info: (e, f) => (watch(e, f), log.info(e, f)),
        warn: (e, f) => (watch(e, f), log.warn(e, f)),
        error: (e, f) => (watch(e, f), log.error(e, f)),
    };
    try {
        const runner = createRunner({ ...runnerOptionsFor(target, settings, watched), hooks: settings.hooks(target) });
        await runner.up(settings.to ? { to: settings.to } : {});
        return { state: 'done', applied, version: settings.to ?? settings.files.at(-1) ?? null, durationMs: Date.now() - start };
    }
    catch (error) {
        const failed = error instanceof MigrationFailedError ? error.migration : undefined;
        const before = failed ? settings.files[settings.files.indexOf(failed) - 1] : undefined;
        return {
            state: 'failed',
            applied,
            version: applied.at(-1) ?? before ?? null,
            ...(failed ? { migration: failed } : {}),
            error: describe(error),
            restored: failed ? restored : null,
            durationMs: Date.now() - start,
        };
    }
}
function describe(error) {
    if (error instanceof GateRefusedError)
        return `${error.message}: ${error.findings.slice(0, 3).map(formatFinding).join('; ')}`;
    const code = error.code;
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !message.includes(code) ? `${message} [${code}]` : message;
}
