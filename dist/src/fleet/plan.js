import { formatDuration } from '../runner/duration.js';
import { describeSource, selectWaves } from './prepare.js';
import { readLiveVersions } from './status.js';
/** What `fleet up` would do: the waves with their targets, and where each target stands now. */
export async function planFleet(fleet, selection) {
    const waves = selectWaves(fleet, selection);
    const members = waves.flatMap((w) => w.members.map((m) => fleet.byName.get(m)));
    const files = fleet.migrations.map((m) => m.name);
    const versions = await readLiveVersions(members, fleet.config.migrationsDir, files);
    return {
        fleet: fleet.config.file,
        source: describeSource(fleet.config),
        latest: files.at(-1) ?? null,
        migrations: files,
        shard: selection.shard ? `${selection.shard.index}/${selection.shard.count}` : null,
        waves: waves.map((w) => ({
            label: w.label,
            parallel: w.parallel,
            soak_ms: w.soakMs,
            pause: w.pause,
            health: w.health ? (w.health.sql ? `sql: ${w.health.sql}` : `command: ${w.health.command}`) : null,
            targets: w.members.map((name) => {
                const v = versions.get(name);
                return { name, display: fleet.byName.get(name).display, version: v?.version ?? null, pending: v && !v.error ? v.pending : null, ...(v?.error ? { error: v.error } : {}) };
            }),
        })),
    };
}
export function formatFleetPlan(plan) {
    const total = plan.waves.reduce((n, w) => n + w.targets.length, 0);
    const pending = plan.waves.reduce((n, w) => n + w.targets.reduce((m, t) => m + (t.pending ?? 0), 0), 0);
    const lines = [
        `${plan.fleet}: ${total} target(s) (${plan.source})${plan.shard ? `, shard ${plan.shard}` : ''}; ${plan.migrations.length} migration(s), latest ${plan.latest ?? 'none'}; ${pending} to apply`,
    ];
    const checks = [...new Set(plan.waves.map((w) => w.health).filter((h) => h !== null))];
    if (checks.length === 1)
        lines.push(`health gate after each wave: ${checks[0]}`);
    for (const [i, w] of plan.waves.entries()) {
        const health = w.health ? `health gate${checks.length > 1 ? ` (${w.health})` : ''}${w.soak_ms > 0 ? `, soak ${formatDuration(w.soak_ms)}` : ''}` : '';
        const gate = [w.pause ? 'pause before it' : '', health].filter(Boolean).join('; ');
        lines.push(`wave ${i + 1} ${w.label}: ${w.targets.length} target(s), ${w.parallel} at a time${gate ? `; ${gate}` : ''}`);
        const shown = w.targets.slice(0, 20);
        for (const t of shown) {
            const at = t.error ? `unreachable: ${t.error}` : `at ${t.version ?? 'no migration'}, ${t.pending} to apply`;
            lines.push(`  ${t.name.padEnd(24)} ${at}`);
        }
        if (w.targets.length > shown.length)
            lines.push(`  … ${w.targets.length - shown.length} more (--format json lists all)`);
    }
    return `${lines.join('\n')}\n`;
}
