export { startServer as startLanguageServer, type ServerOptions as LanguageServerOptions } from './server.js';
