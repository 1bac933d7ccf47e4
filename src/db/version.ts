import type { PgClient } from './pg-types.js';

export interface ServerVersion {
  /** e.g. 15 */
  major: number;
  /** server_version_num, e.g. 150004 */
  num: number;
  /** server_version as the server prints it */
  text: string;
}

export async function serverVersion(client: PgClient): Promise<ServerVersion> {
  const { rows } = await client.query<{ num: string; text: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as text",
  );
  const num = Number(rows[0].num);
  return { major: Math.floor(num / 10000), num, text: rows[0].text };
}
