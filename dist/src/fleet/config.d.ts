import { z } from 'zod';
import type { Environment } from '../db/url.js';
declare const backupMode: z.ZodEnum<["targeted", "full", "snapshot", "none"]>;
export declare const fleetFileSchema: z.ZodObject<{
    migrations: z.ZodString;
    targets: z.ZodEffects<z.ZodObject<{
        schemas: z.ZodOptional<z.ZodObject<{
            url: z.ZodString;
            match: z.ZodString;
            exclude: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
            /** `{schema}` stands for the tenant's schema. */
            search_path: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
            history_schema: z.ZodDefault<z.ZodString>;
        }, "strict", z.ZodTypeAny, {
            match: string;
            search_path: string[];
            url: string;
            exclude: string[];
            history_schema: string;
        }, {
            match: string;
            url: string;
            search_path?: string[] | undefined;
            exclude?: string[] | undefined;
            history_schema?: string | undefined;
        }>>;
        databases: z.ZodOptional<z.ZodObject<{
            url: z.ZodString;
            match: z.ZodString;
            exclude: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
        }, "strict", z.ZodTypeAny, {
            match: string;
            url: string;
            exclude: string[];
        }, {
            match: string;
            url: string;
            exclude?: string[] | undefined;
        }>>;
        list: z.ZodOptional<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            url: z.ZodString;
            /** A schema of its own in that database, as for `schemas` targets. */
            schema: z.ZodOptional<z.ZodString>;
        }, "strict", z.ZodTypeAny, {
            name: string;
            url: string;
            schema?: string | undefined;
        }, {
            name: string;
            url: string;
            schema?: string | undefined;
        }>, "many">>;
    }, "strict", z.ZodTypeAny, {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            search_path: string[];
            url: string;
            exclude: string[];
            history_schema: string;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude: string[];
        } | undefined;
    }, {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            url: string;
            search_path?: string[] | undefined;
            exclude?: string[] | undefined;
            history_schema?: string | undefined;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude?: string[] | undefined;
        } | undefined;
    }>, {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            search_path: string[];
            url: string;
            exclude: string[];
            history_schema: string;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude: string[];
        } | undefined;
    }, {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            url: string;
            search_path?: string[] | undefined;
            exclude?: string[] | undefined;
            history_schema?: string | undefined;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude?: string[] | undefined;
        } | undefined;
    }>;
    waves: z.ZodDefault<z.ZodArray<z.ZodEffects<z.ZodObject<{
        name: z.ZodOptional<z.ZodString>;
        targets: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
        percent: z.ZodOptional<z.ZodNumber>;
        parallel: z.ZodDefault<z.ZodNumber>;
        soak: z.ZodDefault<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
        pause: z.ZodDefault<z.ZodBoolean>;
        health: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodEffects<z.ZodObject<{
            sql: z.ZodOptional<z.ZodString>;
            command: z.ZodOptional<z.ZodString>;
            interval: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
            timeout: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
        }, "strict", z.ZodTypeAny, {
            interval?: number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: number | undefined;
        }, {
            interval?: string | number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: string | number | undefined;
        }>, {
            interval?: number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: number | undefined;
        }, {
            interval?: string | number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: string | number | undefined;
        }>]>>;
    }, "strict", z.ZodTypeAny, {
        pause: boolean;
        parallel: number;
        soak: number;
        name?: string | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        health?: string | {
            interval?: number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: number | undefined;
        } | undefined;
    }, {
        name?: string | undefined;
        pause?: boolean | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        parallel?: number | undefined;
        soak?: string | number | undefined;
        health?: string | {
            interval?: string | number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: string | number | undefined;
        } | undefined;
    }>, {
        pause: boolean;
        parallel: number;
        soak: number;
        name?: string | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        health?: string | {
            interval?: number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: number | undefined;
        } | undefined;
    }, {
        name?: string | undefined;
        pause?: boolean | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        parallel?: number | undefined;
        soak?: string | number | undefined;
        health?: string | {
            interval?: string | number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: string | number | undefined;
        } | undefined;
    }>, "many">>;
    on_error: z.ZodDefault<z.ZodEnum<["halt", "continue"]>>;
    max_failures: z.ZodOptional<z.ZodNumber>;
    health: z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodEffects<z.ZodObject<{
        sql: z.ZodOptional<z.ZodString>;
        command: z.ZodOptional<z.ZodString>;
        interval: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
        timeout: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
    }, "strict", z.ZodTypeAny, {
        interval?: number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: number | undefined;
    }, {
        interval?: string | number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: string | number | undefined;
    }>, {
        interval?: number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: number | undefined;
    }, {
        interval?: string | number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: string | number | undefined;
    }>]>>;
    journal: z.ZodOptional<z.ZodString>;
    backup: z.ZodDefault<z.ZodEnum<["targeted", "full", "snapshot", "none"]>>;
    backup_dir: z.ZodDefault<z.ZodString>;
    keep: z.ZodOptional<z.ZodNumber>;
    lock_timeout: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
    statement_timeout: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
    lock_retries: z.ZodOptional<z.ZodNumber>;
    retry_deadline: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
    wait_for_lock: z.ZodOptional<z.ZodEffects<z.ZodUnion<[z.ZodString, z.ZodNumber]>, number, string | number>>;
    allow_unsafe: z.ZodDefault<z.ZodBoolean>;
}, "strict", z.ZodTypeAny, {
    migrations: string;
    backup: "full" | "none" | "snapshot" | "targeted";
    targets: {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            search_path: string[];
            url: string;
            exclude: string[];
            history_schema: string;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude: string[];
        } | undefined;
    };
    waves: {
        pause: boolean;
        parallel: number;
        soak: number;
        name?: string | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        health?: string | {
            interval?: number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: number | undefined;
        } | undefined;
    }[];
    on_error: "halt" | "continue";
    backup_dir: string;
    allow_unsafe: boolean;
    lock_timeout?: number | undefined;
    statement_timeout?: number | undefined;
    keep?: number | undefined;
    health?: string | {
        interval?: number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: number | undefined;
    } | undefined;
    max_failures?: number | undefined;
    journal?: string | undefined;
    lock_retries?: number | undefined;
    retry_deadline?: number | undefined;
    wait_for_lock?: number | undefined;
}, {
    migrations: string;
    targets: {
        list?: {
            name: string;
            url: string;
            schema?: string | undefined;
        }[] | undefined;
        schemas?: {
            match: string;
            url: string;
            search_path?: string[] | undefined;
            exclude?: string[] | undefined;
            history_schema?: string | undefined;
        } | undefined;
        databases?: {
            match: string;
            url: string;
            exclude?: string[] | undefined;
        } | undefined;
    };
    lock_timeout?: string | number | undefined;
    statement_timeout?: string | number | undefined;
    keep?: number | undefined;
    backup?: "full" | "none" | "snapshot" | "targeted" | undefined;
    health?: string | {
        interval?: string | number | undefined;
        sql?: string | undefined;
        command?: string | undefined;
        timeout?: string | number | undefined;
    } | undefined;
    waves?: {
        name?: string | undefined;
        pause?: boolean | undefined;
        targets?: string[] | undefined;
        percent?: number | undefined;
        parallel?: number | undefined;
        soak?: string | number | undefined;
        health?: string | {
            interval?: string | number | undefined;
            sql?: string | undefined;
            command?: string | undefined;
            timeout?: string | number | undefined;
        } | undefined;
    }[] | undefined;
    on_error?: "halt" | "continue" | undefined;
    max_failures?: number | undefined;
    journal?: string | undefined;
    backup_dir?: string | undefined;
    lock_retries?: number | undefined;
    retry_deadline?: string | number | undefined;
    wait_for_lock?: string | number | undefined;
    allow_unsafe?: boolean | undefined;
}>;
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
export declare function loadFleetConfig(file: string, env?: Environment): Promise<FleetConfig>;
export declare function parseFleetConfig(text: string, file: string, env?: Environment): FleetConfig;
export {};
