import type { Command } from 'commander';
export declare function registerFleet(program: Command): void;
