import type { Command } from 'commander';
export declare function registerMigrate(program: Command): void;
