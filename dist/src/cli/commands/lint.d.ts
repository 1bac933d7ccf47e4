import type { Command } from 'commander';
export declare function registerLint(program: Command): void;
