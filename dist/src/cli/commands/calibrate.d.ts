import type { Command } from 'commander';
export declare function registerCalibrate(program: Command): void;
