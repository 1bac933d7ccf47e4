import { z } from 'zod';
import { type TransactionAssumption } from '../analysis/transaction-policy.js';
import { type MigrationTool } from '../sql/discover.js';
/** The configuration file's schema (pgwarden.config.json or package.json's `pgwarden` key). */
export declare const configSchema: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    rules: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEnum<["off", "warning", "error"]>, z.ZodObject<{
        severity: z.ZodOptional<z.ZodEnum<["off", "warning", "error"]>>;
        options: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, "strict", z.ZodTypeAny, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }>]>>>;
    pgVersion: z.ZodOptional<z.ZodNumber>;
    include: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
    exclude: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
    transaction: z.ZodDefault<z.ZodEnum<[TransactionAssumption, ...TransactionAssumption[]]>>;
    tool: z.ZodOptional<z.ZodEnum<[MigrationTool, ...MigrationTool[]]>>;
    migrationsDir: z.ZodDefault<z.ZodString>;
    maxFileBytes: z.ZodOptional<z.ZodNumber>;
    smallTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
    largeTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
}, "passthrough", z.ZodTypeAny, z.objectOutputType<{
    $schema: z.ZodOptional<z.ZodString>;
    rules: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEnum<["off", "warning", "error"]>, z.ZodObject<{
        severity: z.ZodOptional<z.ZodEnum<["off", "warning", "error"]>>;
        options: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, "strict", z.ZodTypeAny, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }>]>>>;
    pgVersion: z.ZodOptional<z.ZodNumber>;
    include: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
    exclude: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
    transaction: z.ZodDefault<z.ZodEnum<[TransactionAssumption, ...TransactionAssumption[]]>>;
    tool: z.ZodOptional<z.ZodEnum<[MigrationTool, ...MigrationTool[]]>>;
    migrationsDir: z.ZodDefault<z.ZodString>;
    maxFileBytes: z.ZodOptional<z.ZodNumber>;
    smallTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
    largeTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
}, z.ZodTypeAny, "passthrough">, z.objectInputType<{
    $schema: z.ZodOptional<z.ZodString>;
    rules: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodEnum<["off", "warning", "error"]>, z.ZodObject<{
        severity: z.ZodOptional<z.ZodEnum<["off", "warning", "error"]>>;
        options: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodUnknown>>;
    }, "strict", z.ZodTypeAny, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }, {
        severity?: "off" | "error" | "warning" | undefined;
        options?: Record<string, unknown> | undefined;
    }>]>>>;
    pgVersion: z.ZodOptional<z.ZodNumber>;
    include: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
    exclude: z.ZodDefault<z.ZodArray<z.ZodString, "many">>;
    transaction: z.ZodDefault<z.ZodEnum<[TransactionAssumption, ...TransactionAssumption[]]>>;
    tool: z.ZodOptional<z.ZodEnum<[MigrationTool, ...MigrationTool[]]>>;
    migrationsDir: z.ZodDefault<z.ZodString>;
    maxFileBytes: z.ZodOptional<z.ZodNumber>;
    smallTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
    largeTable: z.ZodOptional<z.ZodUnion<[z.ZodNumber, z.ZodString]>>;
}, z.ZodTypeAny, "passthrough">>;
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
/** Validates raw configuration; `source` names it in the message. */
export declare function validateConfig(raw: unknown, source: string, knownRules?: ReadonlySet<string>): Config;
