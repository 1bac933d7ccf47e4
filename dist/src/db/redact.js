/**
 * Secrets never reach output: every log line and error message of the runner goes through redact().
 * A URL's password becomes `*****`; known secrets (the password of the connection in use) are replaced
 * wherever they appear, since a driver or server message may quote them.
 */
export const REDACTED = '*****';
// scheme://user:password@  (the password may hold anything but '@' and '/')
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):([^@/\s]*)@/gi;
// user:password@host without a well-formed scheme (a mistyped URL is echoed back in its error message)
const USERINFO_PASSWORD = /(^|[\s'"(=/])([^\s:/@'"]+):([^@\s/'"]+)@(?=[^\s@])/g;
// keyword/value connection strings and libpq-style settings: password=secret
const KEYWORD_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)/gi;
/** The URL with its password replaced; usable on malformed URLs too. */
export function redactUrl(url) {
    return redact(url);
}
/** Removes passwords from any text: URL userinfo, `password=` settings, and the given known secrets. */
export function redact(text, secrets = []) {
    let out = text.replace(URL_PASSWORD, (_m, head) => `${head}:${REDACTED}@`);
    out = out.replace(USERINFO_PASSWORD, (m, lead, user, pw) => (pw === REDACTED ? m : `${lead}${user}:${REDACTED}@`));
    out = out.replace(KEYWORD_PASSWORD, (_m, head) => `${head}${REDACTED}`);
    for (const secret of secrets) {
        if (!secret)
            continue;
        out = out.split(secret).join(REDACTED);
        // a password inside a URL is percent-encoded there
        const encoded = encodeURIComponent(secret);
        if (encoded !== secret)
            out = out.split(encoded).join(REDACTED);
    }
    return out;
}
/** The error's message, redacted, on one line. */
export function redactError(error, secrets = []) {
    const message = error instanceof Error ? error.message : String(error);
    return redact(message, secrets).replace(/\s*\n\s*/g, ' ').trim();
}
