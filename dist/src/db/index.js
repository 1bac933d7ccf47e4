export { ConnectionError } from './errors.js';
export { connect, describeConnectError } from './connect.js';
export { resolveConnection, parseDatabaseUrl } from './url.js';
export { redact, redactUrl, redactError, REDACTED } from './redact.js';
export { quoteIdent, quoteLiteral, quoteQualified } from './quote.js';
export { serverVersion } from './version.js';
