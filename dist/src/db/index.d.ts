export { ConnectionError } from './errors.js';
export { connect, describeConnectError, type ConnectOptions } from './connect.js';
export { resolveConnection, parseDatabaseUrl, type ConnectionTarget } from './url.js';
export { redact, redactUrl, redactError, REDACTED } from './redact.js';
export { quoteIdent, quoteLiteral, quoteQualified } from './quote.js';
export { serverVersion, type ServerVersion } from './version.js';
