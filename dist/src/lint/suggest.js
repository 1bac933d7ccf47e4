/** The id with the smallest edit distance to `wanted`, if it is close enough to be a plausible typo. */
export function closestId(ids, wanted) {
    const list = [...ids];
    let best;
    let bestDistance = Infinity;
    for (const id of list) {
        const d = distance(id, wanted.toLowerCase());
        if (d < bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    // a substring match (e.g. `drop-column`) is a good hint even when many letters differ
    const containing = list.find((id) => wanted.length >= 4 && id.includes(wanted.toLowerCase()));
    if (containing && bestDistance > 3)
        return containing;
    return bestDistance <= Math.max(3, Math.floor(wanted.length / 3)) ? best : undefined;
}
/** `; did you mean "x"?` for a mistyped key or id, or nothing when no candidate is close. */
export function didYouMean(wanted, candidates) {
    const match = closestId(candidates, wanted);
    return match === undefined ? '' : `; did you mean "${match}"?`;
}
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
