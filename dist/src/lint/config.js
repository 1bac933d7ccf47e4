import { DEFAULT_PG_MAJOR } from '../analysis/pg-features.js';
/** A configuration the user must fix; the message is one line that names the file (and the key). */
export class ConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
/** What an empty or absent configuration means (configSchema's defaults, without loading zod). */
export function defaultConfig() {
    return { rules: {}, exclude: [], transaction: 'auto', migrationsDir: 'migrations' };
}
export const defaultLintOptions = { pgVersion: DEFAULT_PG_MAJOR, transaction: 'auto', rules: {} };
export function resolveRule(id, defaultSeverity, rules) {
    const setting = rules[id];
    if (setting === undefined)
        return { severity: defaultSeverity, options: {} };
    if (typeof setting === 'string')
        return { severity: setting, options: {} };
    return { severity: setting.severity ?? defaultSeverity, options: setting.options ?? {} };
}
