import type { LiveFacts, Throughput } from '../live/facts.js';
import type { RankOptions } from '../live/rank.js';
import type { SizeThreshold } from '../live/thresholds.js';
import { UserError } from './errors.js';

export interface LiveFlags {
  databaseUrl?: string;
  stats?: string;
  smallTable?: string;
  largeTable?: string;
  calibration?: string;
}

/**
 * The target database's facts for lint and plan: read live from --database-url (read-only), or from a
 * --stats file (its age said on standard error, with a warning when it is old). Undefined with neither.
 */
export async function liveFactsFor(flags: LiveFlags, application: string, texts?: readonly string[]): Promise<LiveFacts | undefined> {
  if (flags.databaseUrl !== undefined && flags.stats !== undefined) throw new UserError('--database-url and --stats cannot be combined: the stats file stands in for the database');
  if (flags.stats !== undefined) {
    const { readStatsFile, statsAge, StatsFileError, STATS_MAX_AGE_DAYS } = await import('../live/stats-file.js');
    let facts: LiveFacts;
    try {
      facts = await readStatsFile(flags.stats);
    } catch (error) {
      if (error instanceof StatsFileError) throw new UserError(error.message);
      throw error;
    }
    const age = statsAge(facts);
    process.stderr.write(`pgwarden: table sizes of ${facts.database} from ${flags.stats}, taken ${facts.takenAt} (${age.text})\n`);
    if (age.old) process.stderr.write(`pgwarden: warning: ${flags.stats} is older than ${STATS_MAX_AGE_DAYS} days: dump it again (pgwarden stats dump --database-url URL > ${flags.stats})\n`);
    return facts;
  }
  if (flags.databaseUrl === undefined) return undefined;
  return readFactsAt(flags.databaseUrl, application, texts);
}

/** Connects (--database-url, else DATABASE_URL, else PG*), reads the facts (the catalog of the tables `texts` can need; all of it without) in a read-only transaction, disconnects; connection problems are one line. */
export async function readFactsAt(databaseUrl: string | undefined, application: string, texts?: readonly string[]): Promise<LiveFacts> {
  const [{ connect, resolveConnection, ConnectionError, redactError }, { readLiveFacts }] = await Promise.all([import('../db/index.js'), import('../live/read.js')]);
  let target;
  let client;
  try {
    target = resolveConnection(databaseUrl);
    client = await connect(target, { applicationName: application, connectTimeoutMs: 10_000 });
  } catch (error) {
    if (error instanceof ConnectionError) throw new UserError(error.message);
    throw error;
  }
  try {
    return await readLiveFacts(client, { texts });
  } catch (error) {
    throw new UserError(`cannot read the catalog of ${target.display}: ${redactError(error, target.secrets)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** --small-table / --large-table (else the configuration's smallTable / largeTable) and --calibration. */
export async function rankOptionsFor(flags: LiveFlags, config: { smallTable?: string | number; largeTable?: string | number }): Promise<RankOptions> {
  const { parseSizeThreshold } = await import('../live/thresholds.js');
  const threshold = (value: string | number | undefined, name: string): SizeThreshold | undefined => {
    if (value === undefined) return undefined;
    const t = parseSizeThreshold(value);
    if (!t) throw new UserError(`${name} expects a row count (10000, 2M) or a size (64MB, 1GB), got '${value}'`);
    return t;
  };
  const options: RankOptions = {
    small: threshold(flags.smallTable ?? config.smallTable, flags.smallTable !== undefined ? '--small-table' : 'smallTable'),
    large: threshold(flags.largeTable ?? config.largeTable, flags.largeTable !== undefined ? '--large-table' : 'largeTable'),
  };
  if (flags.calibration !== undefined) options.throughput = await readCalibration(flags.calibration);
  return options;
}

async function readCalibration(path: string): Promise<Throughput> {
  const [{ readFile }, { throughputSchema }] = await Promise.all([import('node:fs/promises'), import('../live/stats-file.js')]);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code ? `cannot read ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code}` : `${path} is not JSON: write it with pgwarden calibrate --database-url URL > ${path}`);
  }
  const parsed = throughputSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${path} is not a pgwarden calibration: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
