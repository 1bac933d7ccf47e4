import { z } from 'zod';
/** The configuration file's schema (pgwarden.config.json or package.json's `pgwarden` key). */
export declare const configSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    rules: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodEnum<{
        off: "off";
        error: "error";
        warning: "warning";
    }>, z.ZodObject<{
        severity: z.ZodOptional<z.ZodEnum<{
            off: "off";
            error: "error";
            warning: "warning";
        }>>;
        options: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, z.core.$strict>]>>>;
    pgVersion: z.ZodOptional<z.ZodNumber>;
    include: z.ZodOptional<z.ZodArray<z.ZodString>>;
    exclude: z.ZodDefault<z.ZodArray<z.ZodString>>;
    transaction: z.ZodDefault<z.ZodEnum<{
        auto: "auto";
        "per-file": "per-file";
        "per-statement": "per-statement";
        "in-transaction": "in-transaction";
    }>>;
    tool: z.ZodOptional<z.ZodEnum<{
        pgwarden: "pgwarden";
        dbmate: "dbmate";
        goose: "goose";
        rails: "rails";
        knex: "knex";
        flyway: "flyway";
        prisma: "prisma";
        sqitch: "sqitch";
        "golang-migrate": "golang-migrate";
        popx: "popx";
    }>>;
    migrationsDir: z.ZodDefault<z.ZodString>;
    maxFileBytes: z.ZodOptional<z.ZodNumber>;
    smallTable: z.ZodOptional<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>>;
    largeTable: z.ZodOptional<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>>;
}, z.core.$loose>;
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
/** Validates raw configuration; `source` names it in the message. */
export declare function validateConfig(raw: unknown, source: string, knownRules?: ReadonlySet<string>): Config;
