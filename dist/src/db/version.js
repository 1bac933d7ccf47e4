export async function serverVersion(client) {
    const { rows } = await client.query("select current_setting('server_version_num') as num, current_setting('server_version') as text");
    const num = Number(rows[0].num);
    return { major: Math.floor(num / 10000), num, text: rows[0].text };
}
