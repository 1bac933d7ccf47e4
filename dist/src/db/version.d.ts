import type { PgClient } from './pg-types.js';
export interface ServerVersion {
    /** e.g. 15 */
    major: number;
    /** server_version_num, e.g. 150004 */
    num: number;
    /** server_version as the server prints it */
    text: string;
}
export declare function serverVersion(client: PgClient): Promise<ServerVersion>;
