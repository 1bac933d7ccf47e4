const MARKER = /^--\s*migrate:(up|down)\b(.*)$/gim;
/** The up and down sections of a dbmate file, or undefined when the file has no `-- migrate:up`. */
export function dbmateSections(text) {
    const markers = [...text.matchAll(MARKER)].map((m) => ({
        direction: m[1].toLowerCase(),
        start: m.index,
        noTransaction: /\btransaction\s*:\s*false\b/i.test(m[2]),
    }));
    const up = markers.find((m) => m.direction === 'up');
    if (!up)
        return undefined;
    const section = (direction) => {
        const at = markers.findIndex((m) => m.direction === direction);
        if (at === -1)
            return undefined;
        const end = markers[at + 1]?.start ?? text.length;
        return { text: blankOutside(text, markers[at].start, end), noTransaction: markers[at].noTransaction };
    };
    return { up: section('up'), down: section('down') };
}
/** The text a forward run executes: the up section of a dbmate or goose file, else the whole file. */
export function forwardText(text) {
    if (text.includes('+goose'))
        return gooseForward(text);
    return text.includes('migrate:') ? (dbmateSections(text)?.up.text ?? text) : text;
}
const GOOSE_MARKER = /^--\s*\+goose\s+(up|down)\b.*$/gim;
/**
 * goose keeps `-- +goose Up` and `-- +goose Down` sections in one file; its annotations before them
 * (`-- +goose NO TRANSACTION`) apply to the file. Each Down section is blanked, up to the next Up.
 */
function gooseForward(text) {
    const markers = [...text.matchAll(GOOSE_MARKER)].map((m) => ({ up: m[1].toLowerCase() === 'up', start: m.index }));
    if (!markers.some((m) => m.up))
        return text;
    let out = '';
    let from = 0;
    for (let i = 0; i < markers.length; i++) {
        if (markers[i].up || markers[i].start < from)
            continue;
        const end = markers.slice(i + 1).find((m) => m.up)?.start ?? text.length;
        out += text.slice(from, markers[i].start) + text.slice(markers[i].start, end).replace(/[^\n]/g, ' ');
        from = end;
    }
    return out + text.slice(from);
}
function blankOutside(text, start, end) {
    const blank = (s) => s.replace(/[^\n]/g, ' ');
    return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}
/** The file carries its own down section (dbmate `-- migrate:down`, goose `-- +goose Down`). */
export function hasDownSection(text) {
    if (text.includes('+goose')) {
        const markers = [...text.matchAll(GOOSE_MARKER)].map((m) => m[1].toLowerCase());
        return markers.includes('up') && markers.includes('down');
    }
    return text.includes('migrate:') && dbmateSections(text)?.down !== undefined;
}
/** The text a revert executes: the down section of a dbmate or goose file ('' when it has none). */
export function backwardText(text) {
    if (text.includes('+goose'))
        return gooseBackward(text);
    return dbmateSections(text)?.down?.text ?? '';
}
/** Each goose Up section blanked, up to the next Down; the annotations before the first marker stay. */
function gooseBackward(text) {
    const markers = [...text.matchAll(GOOSE_MARKER)].map((m) => ({ up: m[1].toLowerCase() === 'up', start: m.index }));
    if (!markers.some((m) => !m.up))
        return '';
    let out = '';
    let from = 0;
    for (let i = 0; i < markers.length; i++) {
        if (!markers[i].up || markers[i].start < from)
            continue;
        const end = markers.slice(i + 1).find((m) => !m.up)?.start ?? text.length;
        out += text.slice(from, markers[i].start) + text.slice(markers[i].start, end).replace(/[^\n]/g, ' ');
        from = end;
    }
    return out + text.slice(from);
}
