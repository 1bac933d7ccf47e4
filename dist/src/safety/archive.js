import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { OWN_SCHEMAS } from './catalog.js';
import { BackupError } from './errors.js';
import { runTool, streamToolToFile } from './pg-tools.js';
import { tableKeyOf } from './names.js';
/** pg_dump patterns treat text inside double quotes literally. */
const literalPattern = (s) => `"${s.replaceAll('"', '""')}"`;
function dumpPattern(table) {
    return `${literalPattern(table.schema)}.${literalPattern(table.name)}`;
}
/** `--schema` arguments that keep a dump to the safety net's scope (none: the whole database). */
function schemaArgs(schemas) {
    return (schemas ?? []).map((s) => `--schema=${literalPattern(s)}`);
}
/** pg_dump -Fc into a file created 0600 beforehand, so the dump is never readable by others. */
export async function dumpDatabase(request) {
    const handle = await open(request.file, 'wx', 0o600);
    await handle.close();
    // pgwarden's own schemas stay out: a restore must never rewind the runner's history or old snapshots.
    // to standard output, through this process: a killed runner takes pg_dump with it (see streamToolToFile)
    const args = ['--format=custom', '--no-password', ...OWN_SCHEMAS.map((s) => `--exclude-schema=${s}`), ...schemaArgs(request.schemas)];
    if (request.dataOf !== 'all') {
        const keep = new Set(request.dataOf.map(tableKeyOf));
        for (const t of request.allTables)
            if (!keep.has(tableKeyOf(t)))
                args.push(`--exclude-table-data=${dumpPattern(t)}`);
    }
    await streamToolToFile(request.tools.pgDump, args, { databaseUrl: request.databaseUrl }, request.file);
}
/** The archive's table of contents (`pg_restore --list`): proves the file is readable. */
export async function archiveContents(tools, file) {
    try {
        const { stdout } = await runTool(tools.pgRestore, ['--list', file]);
        return stdout.split('\n').filter((l) => /^\d+;/.test(l));
    }
    catch (error) {
        throw new BackupError(`the backup ${file} is not readable by pg_restore: ${error.message}`);
    }
}
export async function sha256File(file) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/** Lines that differ between two runs of pg_dump on the same schema (psql \restrict keys, versions). */
export function normalizeSchemaDump(text) {
    return text
        .split('\n')
        .filter((l) => !/^\\(un)?restrict /.test(l) && !/^-- Dumped (from|by) /.test(l))
        .join('\n');
}
const SCHEMA_ARGS = ['--schema-only', '--no-password', ...OWN_SCHEMAS.map((s) => `--exclude-schema=${s}`)];
export async function liveSchemaDump(tools, databaseUrl, schemas) {
    const { stdout } = await runTool(tools.pgDump, [...SCHEMA_ARGS, ...schemaArgs(schemas)], { databaseUrl });
    return normalizeSchemaDump(stdout);
}
export async function archiveSchemaDump(tools, file) {
    const { stdout } = await runTool(tools.pgRestore, [...SCHEMA_ARGS.filter((a) => a !== '--no-password'), '--file=-', file]);
    return normalizeSchemaDump(stdout);
}
/** First differing line of two schema dumps, or null when equal. */
export function firstDifference(expected, actual) {
    if (expected === actual)
        return null;
    const a = expected.split('\n');
    const b = actual.split('\n');
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i])
            return `line ${i + 1}: expected ${JSON.stringify(a[i] ?? '<end>')}, found ${JSON.stringify(b[i] ?? '<end>')}`;
    }
    return null;
}
/** A dump cut into its objects: pg_dump heads each with `-- Name: x; Type: T; Schema: s; Owner: o`. */
function dumpObjects(dump) {
    const out = new Map();
    let head = '(preamble)';
    for (const line of dump.split('\n')) {
        if (line.startsWith('-- Name: '))
            head = line.slice(3);
        else if (line.trim() !== '' && line !== '--')
            out.set(head, [...(out.get(head) ?? []), line.trim()]);
    }
    return out;
}
/**
 * Every difference between two schema dumps, object by object: a missing or new object by its dump
 * heading, a changed one with each line it lost (`-`) or gained (`+`). Objects whose heading names one
 * of `ignore` (created meanwhile by other sessions) are left out. `reordered`: tables whose column order
 * may differ (a dropped column re-created at the end).
 */
export function dumpDifferences(expected, actual, ignore = [], reordered = []) {
    const before = dumpObjects(expected);
    const after = dumpObjects(actual);
    // a table whose column was re-created at the end: its column lines compare without the commas that
    // only tell which one is last (the lines compare as a set already; the order is reported elsewhere)
    for (const t of reordered) {
        const head = `Name: ${t.name}; Type: TABLE; Schema: ${t.schema};`;
        for (const dump of [before, after])
            for (const [h, lines] of dump)
                if (h.startsWith(head))
                    dump.set(h, lines.map((l) => l.replace(/,$/, '')));
    }
    const ignored = (head) => ignore.some((name) => head.startsWith(`Name: ${name};`) || head.includes(` ${name} `) || head.startsWith(`Name: ${name} `));
    const out = [];
    for (const [head, lines] of before) {
        const now = after.get(head);
        if (!now) {
            out.push(`missing: ${head}`);
            continue;
        }
        const gone = lines.filter((l) => !now.includes(l));
        const added = now.filter((l) => !lines.includes(l));
        if (gone.length + added.length > 0)
            out.push(`changed: ${head}: ${[...gone.map((l) => `- ${l}`), ...added.map((l) => `+ ${l}`)].join(' ')}`);
    }
    for (const head of after.keys())
        if (!before.has(head) && !ignored(head))
            out.push(`unexpected: ${head}`);
    return out;
}
/** The archive entries that re-create one object the run removed (with its data, defaults, grants). */
export function tocPatterns(o) {
    const s = o.schema;
    switch (o.kind) {
        case 'table':
        case 'foreign table':
            return [
                { desc: o.kind === 'table' ? 'TABLE' : 'FOREIGN TABLE', schema: s, tag: o.name },
                { desc: 'TABLE DATA', schema: s, tag: o.name },
                { desc: 'DEFAULT', schema: s, tag: `${o.name} `, prefix: true },
                { desc: 'ACL', schema: s, tag: `TABLE ${o.name}` },
                { desc: 'COMMENT', schema: s, tag: `TABLE ${o.name}` },
                { desc: 'COMMENT', schema: s, tag: `COLUMN ${o.name}.`, prefix: true },
            ];
        case 'view':
            return [
                { desc: 'VIEW', schema: s, tag: o.name },
                { desc: 'ACL', schema: s, tag: `TABLE ${o.name}` },
                { desc: 'COMMENT', schema: s, tag: `VIEW ${o.name}` },
            ];
        case 'materialized view':
            return [
                { desc: 'MATERIALIZED VIEW', schema: s, tag: o.name },
                { desc: 'MATERIALIZED VIEW DATA', schema: s, tag: o.name },
                { desc: 'ACL', schema: s, tag: `TABLE ${o.name}` },
            ];
        case 'sequence':
            return [
                { desc: 'SEQUENCE', schema: s, tag: o.name },
                { desc: 'SEQUENCE OWNED BY', schema: s, tag: o.name },
                { desc: 'SEQUENCE SET', schema: s, tag: o.name },
                { desc: 'ACL', schema: s, tag: `SEQUENCE ${o.name}` },
            ];
        case 'index':
            return [{ desc: 'INDEX', schema: s, tag: o.name }];
        case 'constraint':
            return ['CONSTRAINT', 'FK CONSTRAINT', 'CHECK CONSTRAINT'].map((desc) => ({ desc, schema: s, tag: `${o.table} ${o.name}` }));
        case 'trigger':
            return [{ desc: 'TRIGGER', schema: s, tag: `${o.table} ${o.name}` }];
        case 'function':
            return ['FUNCTION', 'PROCEDURE', 'AGGREGATE'].map((desc) => ({ desc, schema: s, tag: `${o.name}(`, prefix: true }));
        case 'type':
            return ['TYPE', 'DOMAIN'].map((desc) => ({ desc, schema: s, tag: o.name }));
        case 'schema':
            return [{ desc: 'SCHEMA', schema: '-', tag: o.name }];
        case 'extension':
            return [{ desc: 'EXTENSION', schema: '-', tag: o.name }];
        case 'column':
            // the column itself is no entry (column-images.ts re-creates it); its comment, grants and a
            // serial's DEFAULT (written apart from CREATE TABLE, after the sequence) are
            return [...['COMMENT', 'ACL'].map((desc) => ({ desc, schema: s, tag: `COLUMN ${o.table}.${o.name}` })), { desc: 'DEFAULT', schema: s, tag: `${o.table} ${o.name}` }];
    }
}
/** Selects the archive's TOC lines matching the patterns, in the archive's (dependency) order. */
export function selectEntries(toc, patterns) {
    return toc.filter((line) => {
        const rest = line.replace(/^\d+; \d+ \d+ /, '');
        return patterns.some((p) => {
            const head = `${p.desc} ${p.schema} ${p.tag}`;
            if (!rest.startsWith(head))
                return false;
            return p.prefix || /^( \S*)?$/.test(rest.slice(head.length));
        });
    });
}
