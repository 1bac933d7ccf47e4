/** The id with the smallest edit distance to `wanted`, if it is close enough to be a plausible typo. */
export declare function closestId(ids: Iterable<string>, wanted: string): string | undefined;
/** `; did you mean "x"?` for a mistyped key or id, or nothing when no candidate is close. */
export declare function didYouMean(wanted: string, candidates: Iterable<string>): string;
