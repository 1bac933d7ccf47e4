import { type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ToolRun } from './pg-tools.js';
/** Starts a client binary with an argument array (no shell), the password only in its environment. */
export declare function spawnTool(command: string, args: string[], options?: ToolRun): ChildProcessByStdio<null, Readable, Readable>;
/** The arguments and environment of a client binary: `--dbname` without the password, which goes to PGPASSWORD. */
export declare function toolInvocation(args: string[], options: ToolRun): {
    env: NodeJS.ProcessEnv;
    finalArgs: string[];
};
