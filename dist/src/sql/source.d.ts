/** 1-based line and column; columns count Unicode code points of the original text. */
export interface Position {
    line: number;
    column: number;
}
export interface Range {
    start: Position;
    end: Position;
}
/**
 * A migration file's text with the offset arithmetic every finding needs.
 * libpg-query reports byte offsets into the UTF-8 encoding of the text; editors and our JSON contract
 * want lines and columns in characters, so every conversion goes through here.
 */
export declare class SourceFile {
    readonly path: string;
    readonly text: string;
    private readonly lineStarts;
    /** byte offset → UTF-16 index; null while the text is pure ASCII (both are the same). */
    private byteMap;
    constructor(path: string, text: string);
    get byteLength(): number;
    /** UTF-16 index of a UTF-8 byte offset (clamped to the text). */
    indexOfByte(byteOffset: number): number;
    /** UTF-16 index of a 0-based code point offset (PostgreSQL's error cursor counts characters). */
    indexOfCodePoint(codePointOffset: number): number;
    /** Position of a UTF-16 index. */
    positionAt(index: number): Position;
    positionOfByte(byteOffset: number): Position;
    /** Text of the line (1-based) without its line break. */
    lineText(line: number): string;
    get lineCount(): number;
    private getByteMap;
}
