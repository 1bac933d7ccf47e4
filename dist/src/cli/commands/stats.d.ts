import type { Command } from 'commander';
export declare function registerStats(program: Command): void;
