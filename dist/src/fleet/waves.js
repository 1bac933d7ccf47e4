import { createHash } from 'node:crypto';
import { FleetUsageError } from './errors.js';
export function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || count < 1 || index < 1 || index > count)
        throw new FleetUsageError(`--shard: expected i/n with 1 <= i <= n (e.g. 2/4), not '${text}'`);
    return { index, count };
}
const digest = (name) => createHash('sha256').update(name).digest();
/** Which shard a target belongs to: from its name alone, so adding a tenant moves no other one. */
export function shardOf(name, count) {
    return (digest(name).readUInt32BE(0) % count) + 1;
}
/**
 * The order percent waves take targets in: by a hash of the name, so that a 5% wave samples the whole
 * fleet rather than its oldest tenants, and every run — a resume, each shard — computes the same waves.
 */
export function rolloutOrder(names) {
    const key = new Map(names.map((n) => [n, digest(`order ${n}`).toString('hex')]));
    return [...names].sort((a, b) => (key.get(a) < key.get(b) ? -1 : key.get(a) > key.get(b) ? 1 : a < b ? -1 : 1));
}
/**
 * Splits the fleet into its waves. Named waves take their targets; percent waves are cumulative over the
 * whole fleet (after `percent: 25`, a quarter of all targets, canaries included, has been migrated). With
 * a shard, each wave keeps the shard's members only: the membership is the fleet's, so shards agree.
 */
export function planWaves(names, specs, shard) {
    const all = new Set(names);
    const named = new Set();
    specs.forEach((spec, i) => {
        for (const t of spec.targets ?? []) {
            if (!all.has(t))
                throw new FleetUsageError(`waves[${i}].targets: '${t}' is not a target of this fleet (${names.length} target(s) found)`);
            if (named.has(t))
                throw new FleetUsageError(`waves[${i}].targets: '${t}' is named by two waves`);
            named.add(t);
        }
    });
    const pool = rolloutOrder(names.filter((n) => !named.has(n)));
    let assigned = 0;
    let taken = 0;
    const waves = specs.map((spec, index) => {
        let members;
        if (spec.targets) {
            members = [...spec.targets];
            assigned += members.length;
        }
        else {
            const quota = Math.ceil(((spec.percent ?? 100) * names.length) / 100);
            const count = Math.max(0, Math.min(pool.length - taken, quota - assigned));
            members = pool.slice(taken, taken + count);
            taken += count;
            assigned += count;
        }
        return {
            index,
            label: spec.label,
            members,
            parallel: spec.parallel,
            soakMs: spec.soakMs,
            pause: spec.pause,
            ...(spec.health ? { health: spec.health } : {}),
            named: spec.targets !== undefined,
        };
    });
    // targets named after the percent waves ran out of room still get their wave; whatever is left goes last
    const last = [...waves].reverse().find((w) => !w.named);
    if (last && taken < pool.length)
        last.members.push(...pool.slice(taken));
    if (!shard)
        return waves;
    return waves.map((w) => ({ ...w, members: w.members.filter((m) => shardOf(m, shard.count) === shard.index) }));
}
