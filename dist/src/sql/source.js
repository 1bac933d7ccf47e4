/**
 * A migration file's text with the offset arithmetic every finding needs.
 * libpg-query reports byte offsets into the UTF-8 encoding of the text; editors and our JSON contract
 * want lines and columns in characters, so every conversion goes through here.
 */
export class SourceFile {
    path;
    text;
    lineStarts;
    /** byte offset → UTF-16 index; null while the text is pure ASCII (both are the same). */
    byteMap;
    constructor(path, text) {
        this.path = path;
        // A UTF-8 byte order mark is not SQL; editors do not count it as a column either.
        this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        this.lineStarts = [0];
        for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1))
            this.lineStarts.push(i + 1);
    }
    get byteLength() {
        return Buffer.byteLength(this.text, 'utf8');
    }
    /** UTF-16 index of a UTF-8 byte offset (clamped to the text). */
    indexOfByte(byteOffset) {
        const map = this.getByteMap();
        if (map === null)
            return Math.max(0, Math.min(byteOffset, this.text.length));
        const clamped = Math.max(0, Math.min(byteOffset, map.length - 1));
        return map[clamped];
    }
    /** UTF-16 index of a 0-based code point offset (PostgreSQL's error cursor counts characters). */
    indexOfCodePoint(codePointOffset) {
        let index = 0;
        for (let n = 0; n < codePointOffset && index < this.text.length; n++) {
            const code = this.text.charCodeAt(index);
            index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        }
        return index;
    }
    /** Position of a UTF-16 index. */
    positionAt(index) {
        const clamped = Math.max(0, Math.min(index, this.text.length));
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= clamped)
                lo = mid;
            else
                hi = mid - 1;
        }
        const lineStart = this.lineStarts[lo];
        let column = 1;
        for (let i = lineStart; i < clamped; i++) {
            const code = this.text.charCodeAt(i);
            // a surrogate pair is one character
            if (!(code >= 0xdc00 && code <= 0xdfff && i > lineStart))
                column++;
        }
        return { line: lo + 1, column };
    }
    positionOfByte(byteOffset) {
        return this.positionAt(this.indexOfByte(byteOffset));
    }
    /** Text of the line (1-based) without its line break. */
    lineText(line) {
        const start = this.lineStarts[line - 1] ?? this.text.length;
        const next = this.lineStarts[line];
        const end = next === undefined ? this.text.length : next - 1;
        return this.text.slice(start, end).replace(/\r$/, '');
    }
    get lineCount() {
        return this.lineStarts.length;
    }
    getByteMap() {
        if (this.byteMap !== undefined)
            return this.byteMap;
        const bytes = Buffer.byteLength(this.text, 'utf8');
        if (bytes === this.text.length) {
            this.byteMap = null;
            return null;
        }
        const map = new Uint32Array(bytes + 1);
        let byte = 0;
        for (let i = 0; i < this.text.length; i++) {
            const code = this.text.charCodeAt(i);
            let width;
            if (code < 0x80)
                width = 1;
            else if (code < 0x800)
                width = 2;
            else if (code >= 0xd800 && code <= 0xdbff && i + 1 < this.text.length) {
                const low = this.text.charCodeAt(i + 1);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    for (let k = 0; k < 4; k++)
                        map[byte + k] = i;
                    byte += 4;
                    i++;
                    continue;
                }
                width = 3;
            }
            else
                width = 3;
            for (let k = 0; k < width; k++)
                map[byte + k] = i;
            byte += width;
        }
        map[bytes] = this.text.length;
        this.byteMap = map;
        return map;
    }
}
