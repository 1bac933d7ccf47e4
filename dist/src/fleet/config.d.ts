import { z } from 'zod';
declare const backupMode: z.ZodEnum<{
    full: "full";
    none: "none";
    snapshot: "snapshot";
    targeted: "targeted";
}>;
export declare const fleetFileSchema: z.ZodObject<{
    migrations: z.ZodString;
    targets: z.ZodObject<{
        schemas: z.ZodOptional<z.ZodObject<{
            url: z.ZodString;
            match: z.ZodString;
            exclude: z.ZodDefault<z.ZodArray<z.ZodString>>;
            search_path: z.ZodDefault<z.ZodArray<z.ZodString>>;
            history_schema: z.ZodDefault<z.ZodString>;
        }, z.core.$strict>>;
        databases: z.ZodOptional<z.ZodObject<{
            url: z.ZodString;
            match: z.ZodString;
            exclude: z.ZodDefault<z.ZodArray<z.ZodString>>;
        }, z.core.$strict>>;
        list: z.ZodOptional<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            url: z.ZodString;
            schema: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>>>;
    }, z.core.$strict>;
    waves: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodOptional<z.ZodString>;
        targets: z.ZodOptional<z.ZodArray<z.ZodString>>;
        percent: z.ZodOptional<z.ZodNumber>;
        parallel: z.ZodDefault<z.ZodNumber>;
        soak: z.ZodDefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
        pause: z.ZodDefault<z.ZodBoolean>;
        health: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
            sql: z.ZodOptional<z.ZodString>;
            command: z.ZodOptional<z.ZodString>;
            interval: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
            timeout: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
        }, z.core.$strict>]>>;
    }, z.core.$strict>>>;
    on_error: z.ZodDefault<z.ZodEnum<{
        halt: "halt";
        continue: "continue";
    }>>;
    max_failures: z.ZodOptional<z.ZodNumber>;
    health: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
        sql: z.ZodOptional<z.ZodString>;
        command: z.ZodOptional<z.ZodString>;
        interval: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
        timeout: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    }, z.core.$strict>]>>;
    journal: z.ZodOptional<z.ZodString>;
    backup: z.ZodDefault<z.ZodEnum<{
        full: "full";
        none: "none";
        snapshot: "snapshot";
        targeted: "targeted";
    }>>;
    backup_dir: z.ZodDefault<z.ZodString>;
    keep: z.ZodOptional<z.ZodNumber>;
    lock_timeout: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    statement_timeout: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    lock_retries: z.ZodOptional<z.ZodNumber>;
    retry_deadline: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    wait_for_lock: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>, z.ZodTransform<number, string | number>>>;
    allow_unsafe: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strict>;
export interface HealthSpec {
    sql?: string;
    command?: string;
    /** Between polls during a soak (default: 10 s, or the soak when shorter). */
    intervalMs?: number;
    /** One poll may take this long (default 30 s). */
    timeoutMs: number;
}
export interface WaveSpec {
    /** `canary`, or `25%` for an unnamed percent wave. */
    label: string;
    targets?: string[];
    percent?: number;
    parallel: number;
    soakMs: number;
    pause: boolean;
    health?: HealthSpec;
}
export type TargetSource = {
    kind: 'schemas';
    url: UrlRef;
    match: string;
    exclude: string[];
    searchPath: string[];
    historySchema: string;
} | {
    kind: 'databases';
    url: UrlRef;
    match: string;
    exclude: string[];
} | {
    kind: 'list';
    targets: Array<{
        name: string;
        url: UrlRef;
        schema?: string;
    }>;
};
/** A URL read from the environment; `key` names where the file asked for it (for messages). */
export interface UrlRef {
    key: string;
    variable?: string;
    url: string;
}
export interface FleetConfig {
    /** The fleet file as given (for messages and the journal). */
    file: string;
    migrationsDir: string;
    source: TargetSource;
    waves: WaveSpec[];
    onError: 'halt' | 'continue';
    /** With on_error: continue, the rollout halts when more targets than this have failed (default: never). */
    maxFailures: number;
    journal: string;
    backup: z.output<typeof backupMode>;
    backupDir: string;
    keep?: number;
    runner: {
        lockTimeoutMs?: number;
        statementTimeoutMs?: number;
        lockRetries?: number;
        retryDeadlineMs?: number;
        waitForLockMs?: number;
        allowUnsafe: boolean;
    };
}
/** Reads and validates a fleet file; every mistake is one FleetUsageError line naming the key. */
export declare function loadFleetConfig(file: string, env?: NodeJS.ProcessEnv): Promise<FleetConfig>;
export declare function parseFleetConfig(text: string, file: string, env?: NodeJS.ProcessEnv): FleetConfig;
export {};
