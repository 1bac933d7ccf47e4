import { compareNatural } from '../sql/discover.js';
export function reconcile(files, history) {
    const byName = new Map(history.map((h) => [h.name, h]));
    const onDisk = new Set(files.map((f) => f.name));
    // an entry without a file may be a file renamed without a change: the same bytes, so the same checksum
    const orphans = new Map();
    for (const h of history)
        if (!onDisk.has(h.name) && !orphans.has(h.checksum))
            orphans.set(h.checksum, h);
    const appliedAs = new Map();
    const renamed = [];
    const drift = [];
    const pending = [];
    const claimed = new Set();
    for (const f of files) {
        const entry = byName.get(f.name);
        if (entry) {
            appliedAs.set(f.name, entry);
            if (entry.checksum !== f.checksum)
                drift.push({ file: f, entry });
            continue;
        }
        const orphan = orphans.get(f.checksum);
        if (orphan && !claimed.has(orphan.name)) {
            claimed.add(orphan.name);
            appliedAs.set(f.name, orphan);
            renamed.push({ file: f, recordedAs: orphan.name });
            continue;
        }
        pending.push(f);
    }
    let lastApplied = -1;
    files.forEach((f, i) => {
        if (appliedAs.has(f.name))
            lastApplied = i;
    });
    const outOfOrder = pending.filter((f) => files.indexOf(f) < lastApplied).map((file) => ({ file, after: files[lastApplied].name }));
    const lastFile = files.at(-1)?.name;
    const missing = [];
    const unknown = [];
    for (const h of history) {
        if (onDisk.has(h.name) || claimed.has(h.name))
            continue;
        if (lastFile !== undefined && compareNatural(h.name, lastFile) > 0)
            unknown.push(h);
        else
            missing.push(h);
    }
    return { pending, appliedAs, renamed, drift, missing, unknown, outOfOrder };
}
export function problemsOf(rec, options = {}) {
    const out = [];
    for (const { file, entry } of rec.drift) {
        out.push({ kind: 'drift', migration: file.name, message: `${file.name} changed after it was applied (recorded checksum ${entry.checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…)` });
    }
    for (const h of rec.missing)
        out.push({ kind: 'missing', migration: h.name, message: `${h.name} is applied but its file is missing` });
    for (const h of rec.unknown)
        out.push({ kind: 'unknown', migration: h.name, message: `${h.name} is applied but unknown here: it sorts after every file (applied from a newer checkout?)` });
    for (const { file, after } of rec.outOfOrder) {
        out.push({ kind: 'out-of-order', migration: file.name, message: `${file.name} is pending but sorts before ${after}, which is applied (out of order)` });
    }
    for (const name of options.interrupted ?? [])
        out.push({ kind: 'interrupted', migration: name, message: `${name} was interrupted (see \`pgwarden migrate repair\`)` });
    if (options.failOnPending) {
        for (const f of rec.pending)
            if (!rec.outOfOrder.some((o) => o.file === f))
                out.push({ kind: 'pending', migration: f.name, message: `${f.name} is pending` });
    }
    return out;
}
