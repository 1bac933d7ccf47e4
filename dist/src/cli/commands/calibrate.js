import { UserError } from '../errors.js';
export function registerCalibrate(program) {
    program
        .command('calibrate')
        .description('Measure how fast the server scans, builds indexes and rewrites (on a scratch table, dropped afterwards); prints JSON for --calibration.')
        .option('--database-url <url>', 'the database (default: DATABASE_URL, else the PG* variables)')
        .option('--rows <n>', 'rows in the scratch table', '500000')
        .option('--schema <name>', 'schema the scratch table is created in', 'public')
        .action(async (flags) => {
        const rows = Number(flags.rows);
        if (!Number.isInteger(rows) || rows < 1000)
            throw new UserError(`--rows expects a whole number of at least 1000, got '${flags.rows}'`);
        const [{ connect, resolveConnection, ConnectionError, redactError }, { calibrate }] = await Promise.all([import('../../db/index.js'), import('../../live/calibrate.js')]);
        let target;
        let client;
        try {
            target = resolveConnection(flags.databaseUrl);
            client = await connect(target, { applicationName: 'pgwarden calibrate' });
        }
        catch (error) {
            if (error instanceof ConnectionError)
                throw new UserError(error.message);
            throw error;
        }
        try {
            const result = await calibrate(client, { rows, schema: flags.schema });
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        }
        catch (error) {
            throw new UserError(`calibration on ${target.display} failed: ${redactError(error, target.secrets)}`);
        }
        finally {
            await client.end().catch(() => undefined);
        }
    });
}
