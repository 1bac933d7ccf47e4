import type { Command } from 'commander';
import { type BackupManifest } from '../../safety/index.js';
export declare function registerBackups(program: Command): void;
/** Asks for "yes" on a terminal; `input` is the terminal (standard input outside tests). */
export declare function confirm(manifest: BackupManifest, database: string, input?: NodeJS.ReadableStream & {
    isTTY?: boolean;
}): Promise<void>;
/** A first run takes every migration: name the first and the last, not all of them (`--format json` has the list). */
export declare function migrationSpan(names: string[]): string;
