import { languageServerInstalled, MISSING_LANGUAGE_SERVER } from '../../lsp/installed.js';
import { UserError } from '../errors.js';
export function registerLsp(program) {
    program
        .command('lsp')
        .description('Run the language server on standard input/output: diagnostics as you type, pgwarden fix as a quick fix.')
        .option('--stdio', 'talk LSP over standard input and output (the default and only transport; editors pass it)')
        .option('-c, --config <path>', 'configuration file (default: searched upwards from the working directory)')
        .action(async (flags) => {
        // an install with --omit=optional has no language server: one line, not a module-not-found trace
        if (!languageServerInstalled())
            throw new UserError(MISSING_LANGUAGE_SERVER);
        const [{ startServer }, { lintSetup }] = await Promise.all([import('../../lsp/server.js'), import('../lint-setup.js')]);
        const connection = startServer(await lintSetup(flags.config));
        // the process lives until the client sends exit (or closes standard input)
        await new Promise((done) => connection.onExit(() => done()));
    });
}
