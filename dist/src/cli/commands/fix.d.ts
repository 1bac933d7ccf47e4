import type { Command } from 'commander';
export declare function registerFix(program: Command): void;
