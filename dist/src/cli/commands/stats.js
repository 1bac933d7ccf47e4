import { readFactsAt } from '../live-facts.js';
export function registerStats(program) {
    const stats = program.command('stats').description('Offline statistics of a database for lint and plan in CI.');
    stats
        .command('dump')
        .description('Print the catalog, table sizes and activity of a database as JSON (no row data; safe to commit).')
        .option('--database-url <url>', 'the database (default: DATABASE_URL, else the PG* variables)')
        .option('--calibration <file>', 'include the throughput pgwarden calibrate measured, for lock-time estimates')
        .action(async (flags) => {
        const [{ formatStatsFile }, { rankOptionsFor }] = await Promise.all([import('../../live/stats-file.js'), import('../live-facts.js')]);
        const facts = await readFactsAt(flags.databaseUrl, 'pgwarden stats dump');
        if (flags.calibration !== undefined)
            facts.throughput = (await rankOptionsFor({ calibration: flags.calibration }, {})).throughput;
        process.stdout.write(formatStatsFile(facts));
    });
}
