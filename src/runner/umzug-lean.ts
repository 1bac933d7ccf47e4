import { createRequire, Module } from 'node:module';

type UmzugModule = typeof import('umzug');

/** What umzug 3's lib/cli.js exports. */
const CLI_EXPORTS = ['UmzugCLI', 'UpAction', 'DownAction', 'ListAction', 'CreateAction'];

let loaded: Promise<UmzugModule> | undefined;

/**
 * umzug, without loading its command-line interface up front. umzug's entry point requires its CLI
 * module (@rushstack/ts-command-line and about 180 modules: some 60 ms of CPU at every `migrate` start)
 * although the runner never calls `runAsCLI`. The CLI module is registered in require's cache as a
 * stand-in whose exports load the real one on first use; if umzug's layout ever differs, it loads as is.
 */
export function loadUmzug(): Promise<UmzugModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    try {
      const cliPath = require.resolve('umzug/lib/cli.js');
      if (!require.cache[cliPath]) {
        const standIn = new Module(cliPath);
        standIn.filename = cliPath;
        standIn.loaded = true;
        let real: Record<string, unknown> | undefined;
        const exports: Record<string, unknown> = { __esModule: true };
        // non-enumerable: umzug's index re-exports only enumerable names, and the ESM namespace of a
        // CommonJS module reads every export at import, which would load the CLI; umzug.js's own
        // `cli_1.UmzugCLI` in runAsCLI still finds the real class through the getter
        for (const name of CLI_EXPORTS) {
          Object.defineProperty(exports, name, {
            enumerable: false,
            get: () => {
              if (!real) {
                delete require.cache[cliPath];
                real = require(cliPath) as Record<string, unknown>;
              }
              return real[name];
            },
          });
        }
        standIn.exports = exports;
        require.cache[cliPath] = standIn;
      }
    } catch {
      // another layout: nothing to stand in for
    }
    return import('umzug');
  })();
  return loaded;
}
