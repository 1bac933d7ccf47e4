export { redactUrl } from '../db/redact.js';
/** Splits a URL into the part safe to put on a command line and the password for PGPASSWORD. */
export function splitPassword(url) {
    try {
        const u = new URL(url);
        let password = u.password ? decodeURIComponent(u.password) : undefined;
        u.password = '';
        for (const k of [...u.searchParams.keys()]) {
            if (k.toLowerCase() === 'password') {
                password ??= u.searchParams.get(k) ?? undefined;
                u.searchParams.delete(k);
            }
        }
        return { url: u.toString(), password };
    }
    catch {
        return { url };
    }
}
