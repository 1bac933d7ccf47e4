import type { PgClient } from '../db/pg-types.js';
import { quotedHistorySchema as historySchemaOf } from './history.js';

/**
 * The run's state machine, journaled in the runner's schema (`<history schema>.runs`) on the control
 * connection, outside the migrations' transactions, so that whatever state a kill leaves is on record:
 *
 *   locked → backing_up → applying(M) → verifying(M) → committing(M) → committed(M) → … → done
 *                                   ↘ failed (rolled back)   ↘ restoring(M) → restored(M) → failed
 *                                                                          ↘ restore_failed(M)
 *
 * A run whose row has no `finished_at` did not end (or ended in restore_failed, which needs a person).
 * The next command holds the run lock, so such a run's process is gone for sure; see whatNext().
 */
export const RUN_STATES = ['locked', 'backing_up', 'applying', 'verifying', 'committing', 'committed', 'restoring', 'restored', 'restore_failed', 'done', 'failed', 'abandoned', 'forgotten'] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface RunRecord {
  id: number;
  command: 'up' | 'down';
  state: RunState;
  migration: string | null;
  backup: string | null;
  startedAt: Date;
  updatedAt: Date;
  startedBy: string;
  finishedAt: Date | null;
}

export function journalSetup(schema: string): string {
  return `
create table if not exists ${schema}.runs (
  id bigserial primary key,
  command text not null,
  state text not null,
  migration text,
  backup text,
  detail text,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  started_by text not null,
  finished_at timestamptz
);`;
}

/** Journal of one run; every transition is committed before the runner goes on. */
export class RunJournal {
  state: RunState = 'locked';
  backup: string | undefined;
  private constructor(
    private readonly client: PgClient,
    readonly id: number,
  ) {}

  static async start(client: PgClient, command: 'up' | 'down', startedBy: string): Promise<RunJournal> {
    const { rows } = await client.query<{ id: string }>(`insert into ${historySchemaOf(client)}.runs (command, state, started_by) values ($1, 'locked', $2) returning id`, [command, startedBy]);
    const journal = new RunJournal(client, Number(rows[0].id));
    await pauseIfAsked('locked', undefined);
    return journal;
  }

  /** Moves to `state`; done and failed close the run (restore_failed stays open: it needs a person). */
  async move(state: RunState, migration?: string, fields: { backup?: string; detail?: string } = {}): Promise<void> {
    const closes = state === 'done' || state === 'failed';
    this.state = state;
    await this.client.query(
      `update ${historySchemaOf(this.client)}.runs set state = $2, migration = coalesce($3, migration), backup = coalesce($4, backup), detail = coalesce($5, detail),
         updated_at = now(), finished_at = case when $6 then now() end where id = $1`,
      [this.id, state, migration ?? null, fields.backup ?? null, fields.detail ?? null, closes],
    );
    await pauseIfAsked(state, migration);
  }

  async noteBackup(id: string): Promise<void> {
    this.backup = id;
    await this.client.query(`update ${historySchemaOf(this.client)}.runs set backup = $2, updated_at = now() where id = $1`, [this.id, id]);
  }
}

/** Runs that did not end (their process died) or ended needing a person (restore_failed), oldest first. */
export async function unresolvedRuns(client: PgClient): Promise<RunRecord[]> {
  const schema = historySchemaOf(client);
  const { rows } = await client.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [`${schema}.runs`]);
  if (!rows[0].exists) return [];
  const result = await client.query<{ id: string; command: 'up' | 'down'; state: RunState; migration: string | null; backup: string | null; started_at: Date; updated_at: Date; started_by: string; finished_at: Date | null }>(
    `select * from ${schema}.runs where finished_at is null order by id`,
  );
  return result.rows.map((r) => ({
    id: Number(r.id),
    command: r.command,
    state: r.state,
    migration: r.migration,
    backup: r.backup,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    startedBy: r.started_by,
    finishedAt: r.finished_at,
  }));
}

/** Closes runs that need nothing more (or that a person resolved): `abandoned` or `forgotten`. */
export async function closeRuns(client: PgClient, ids: number[], state: 'abandoned' | 'forgotten'): Promise<void> {
  if (ids.length === 0) return;
  await client.query(`update ${historySchemaOf(client)}.runs set state = $2, detail = 'was ' || state || coalesce(' ' || migration, ''), updated_at = now(), finished_at = now() where id = any($1::bigint[])`, [ids, state]);
}

/** A run left in restoring or restore_failed: the database may be half-restored, so nothing runs until it is resolved. */
export function needsRestore(run: RunRecord): boolean {
  return run.state === 'restoring' || run.state === 'restore_failed';
}

/** What a run that did not end left behind, and the one way out (docs/faults.md has the same table). */
export function whatNext(run: RunRecord): { left: string; wayOut: string } {
  const m = run.migration ?? '?';
  const restore = run.backup ? `pgwarden backups restore ${run.backup}` : 'restore the database from your own backup';
  switch (run.state) {
    case 'locked':
      return { left: 'it died after taking the run lock, before changing anything', wayOut: 'nothing to do: the next `pgwarden migrate up` closes it' };
    case 'backing_up':
      return { left: `it died while taking backup ${run.backup ?? '(not named yet)'}, before applying anything; the partial dump is listed as incomplete by \`pgwarden backups list\``, wayOut: 'nothing to do: the next `pgwarden migrate up` closes it (and takes a new backup)' };
    case 'applying':
    case 'verifying':
    case 'committing':
      return {
        left: `it died while ${run.state} ${m}: the server rolled its transaction back (a migration outside a transaction is marked interrupted: see \`pgwarden migrate repair\`); the history says whether its commit got through`,
        wayOut: 'the next `pgwarden migrate up` closes it and applies what is still pending',
      };
    case 'committed':
      return { left: `it died after committing ${m}, before the next step`, wayOut: 'nothing to do: the next `pgwarden migrate up` closes it and carries on' };
    case 'restoring':
      return { left: `it died while restoring the database after ${m} failed outside a transaction: the database may be half-restored`, wayOut: run.backup ? `\`${restore} --yes\` (puts back the data and the history as they were before the run, and closes this run)` : `${restore}, then \`pgwarden migrate repair --forget\`` };
    case 'restored':
      return { left: `it died after restoring the database to its state before ${m}, which failed outside a transaction`, wayOut: `nothing to do: the next \`pgwarden migrate up\` closes it (and runs ${m} again: fix it first)` };
    case 'restore_failed':
      return { left: `the restore after ${m} failed: the database differs from its state before the migration`, wayOut: run.backup ? `\`${restore} --yes\` (puts back the data and the history as they were before the run, and closes this run)` : `${restore}, then \`pgwarden migrate repair --forget\`` };
    default:
      return { left: `it ended in state ${run.state}`, wayOut: 'nothing to do' };
  }
}

export function describeRun(run: RunRecord): string {
  const { left, wayOut } = whatNext(run);
  return `run ${run.id} (${run.command}, started ${run.startedAt.toISOString()} by ${run.startedBy}) did not finish: ${left}. Way out: ${wayOut}`;
}

/**
 * PGWARDEN_PAUSE_AT=<state>[:<migration>] stops the runner right after it journaled that state, prints
 * `pgwarden: paused at <state>` on stderr and waits to be killed, or to be sent SIGUSR2 to go on: this
 * is how the tests kill a real process at each transition (or cut its server off there). Never set it
 * in production.
 */
async function pauseIfAsked(state: RunState, migration: string | undefined): Promise<void> {
  const wanted = process.env.PGWARDEN_PAUSE_AT;
  if (!wanted) return;
  const [s, m] = wanted.split(':');
  if (s !== state || (m !== undefined && m !== migration)) return;
  await new Promise<void>((resolve) => {
    const keepAlive = setInterval(() => undefined, 60_000);
    process.once('SIGUSR2', () => {
      clearInterval(keepAlive);
      resolve();
    });
    process.stderr.write(`pgwarden: paused at ${state}${migration ? ` ${migration}` : ''}\n`);
  });
}

export interface Rewound {
  /** Migrations the history recorded as applied at or after the moment; no longer recorded. */
  unapplied: string[];
  /** Interrupted markers of attempts started at or after it; cleared. */
  clearedMarkers: string[];
  /** Unfinished runs that took the backup; closed. */
  closedRuns: number[];
}

/**
 * After a backup is restored (`pgwarden backups restore`), the history goes back to the backup's moment
 * too: what was recorded since is undone by the restore, so `up` must apply it again. One transaction.
 */
export async function rewindHistory(client: PgClient, since: Date, backupId: string): Promise<Rewound> {
  const schema = historySchemaOf(client);
  const { rows } = await client.query<{ ok: boolean }>('select to_regclass($1) is not null and to_regclass($2) is not null as ok', [`${schema}.migrations`, `${schema}.runs`]);
  if (!rows[0].ok) return { unapplied: [], clearedMarkers: [], closedRuns: [] };
  await client.query('begin');
  try {
    const unapplied = await client.query<{ name: string }>(`delete from ${schema}.migrations where applied_at >= $1 returning name`, [since]);
    const markers = await client.query<{ name: string }>(`delete from ${schema}.migration_attempts where started_at >= $1 returning name`, [since]);
    const runs = await client.query<{ id: string }>(
      `update ${schema}.runs set state = 'forgotten', detail = 'was ' || state || ', resolved by restoring backup ' || $1, updated_at = now(), finished_at = now()
        where finished_at is null and backup = $1 returning id`,
      [backupId],
    );
    await client.query('commit');
    return { unapplied: unapplied.rows.map((r) => r.name).sort(), clearedMarkers: markers.rows.map((r) => r.name), closedRuns: runs.rows.map((r) => Number(r.id)) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
