import { aLock, blockedWork, blockingLockWait, settingActive } from './lib/locking.js';
export const requireLockTimeout = {
    meta: {
        id: 'require-lock-timeout',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'DDL on an existing table should run with lock_timeout set, so a lock wait cannot stall the application.',
        why: [
            'PostgreSQL grants table locks in arrival order. A migration that needs a lock conflicting with ordinary traffic (ACCESS EXCLUSIVE for most ALTER TABLE forms, SHARE for CREATE INDEX, SHARE ROW EXCLUSIVE for a foreign key or trigger) waits behind any long-running query or idle-in-transaction session on the table, and every query that arrives after it waits behind the migration. Even an ALTER that takes milliseconds can stall all traffic to the table for as long as the longest transaction runs. `lock_timeout` makes the migration give up instead, so it can be retried.',
            'The finding is reported once per file, at the first statement that needs the lock without a lock_timeout set earlier in the file (`SET lock_timeout`, `SET LOCAL lock_timeout` in the same transaction, or `set_config(\'lock_timeout\', …)`). Tables created earlier in the same file are not counted. The default severity is warning: pgwarden\'s own runner (`pgwarden migrate`) sets lock_timeout and retries by itself, so teams that only migrate with it can turn the rule off; other runners (golang-migrate, Flyway, Prisma, sqitch…) do not.',
        ].join('\n\n'),
        safeAlternative: [
            'Set a short lock timeout at the top of the migration (and retry the migration when it times out):',
            '```sql',
            'SET lock_timeout = \'2s\';',
            'ALTER TABLE users ADD COLUMN last_seen_at timestamptz;',
            '```',
            'Inside an explicit transaction, `SET LOCAL lock_timeout = \'2s\';` right after BEGIN limits it to that transaction.',
        ].join('\n'),
        help: "Start the migration with SET lock_timeout = '2s'; (and retry on timeout) so a lock wait cannot queue the table's traffic.",
        limits: 'Reported once per file, at the first statement that waits for a lock which queues ordinary reads or writes of an existing table (SHARE or stronger); squawk reports every statement that takes any lock, including on tables created in the same file, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT and ALTER TYPE … ADD VALUE, which queue no application traffic. A lock_timeout set by the runner or the role (ALTER ROLE … SET) is not seen: pgwarden\'s runner sets one itself.',
    },
    check(ctx) {
        // called for every statement so that the setting's state folds in order
        const { active, state } = settingActive(ctx, 'lock_timeout');
        if (active || state.reported)
            return;
        const wait = blockingLockWait(ctx);
        if (!wait)
            return;
        state.reported = true;
        ctx.report({
            message: `This statement waits for ${aLock(wait.mode)} lock on ${wait.table} with no lock_timeout set: while it waits behind a long transaction, all ${blockedWork(wait.mode)} of ${wait.table} queue behind it.`,
        });
    },
};
