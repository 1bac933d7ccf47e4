/**
 * dbmate keeps both directions in one file: `-- migrate:up` then `-- migrate:down`, each marker
 * optionally followed by `transaction:false`. Linting or running the whole file would apply the down
 * section forward, so each direction is cut out with the other blanked: newlines are kept, every other
 * character becomes a space, and lines and columns still point into the original file.
 */
export interface DirectionText {
    text: string;
    /** The section's marker says `transaction:false`. */
    noTransaction: boolean;
}
/** The up and down sections of a dbmate file, or undefined when the file has no `-- migrate:up`. */
export declare function dbmateSections(text: string): {
    up: DirectionText;
    down?: DirectionText;
} | undefined;
/** The text a forward run executes: the up section of a dbmate or goose file, else the whole file. */
export declare function forwardText(text: string): string;
/** The file carries its own down section (dbmate `-- migrate:down`, goose `-- +goose Down`). */
export declare function hasDownSection(text: string): boolean;
/** The text a revert executes: the down section of a dbmate or goose file ('' when it has none). */
export declare function backwardText(text: string): string;
