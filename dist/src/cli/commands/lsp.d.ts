import type { Command } from 'commander';
export declare function registerLsp(program: Command): void;
