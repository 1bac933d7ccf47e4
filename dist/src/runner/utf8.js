/** The first invalid sequence of `bytes`, or undefined when it is all valid UTF-8 (RFC 3629: no surrogates, nothing above U+10FFFF, shortest form). */
export function firstInvalidUtf8(bytes) {
    let line = 1;
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i];
        if (b === 0x0a)
            line++;
        if (b < 0x80) {
            i++;
            continue;
        }
        const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length)
            return { offset: i, byte: b, line };
        // the second byte's range rules out overlong forms, surrogates and code points above U+10FFFF
        const second = bytes[i + 1];
        const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        if (second < low || second > high)
            return { offset: i, byte: b, line };
        for (let k = 2; k < length; k++) {
            if ((bytes[i + k] & 0xc0) !== 0x80)
                return { offset: i, byte: b, line };
        }
        i += length;
    }
    return undefined;
}
