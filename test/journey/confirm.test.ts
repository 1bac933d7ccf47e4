import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirm } from '../../src/cli/commands/backups.js';
import type { BackupManifest } from '../../src/safety/index.js';

/** `backups restore` asks before it drops anything; a user who changes their mind presses ctrl-c. */
function terminal(): PassThrough & { isTTY: boolean } {
  return Object.assign(new PassThrough(), { isTTY: true });
}

const manifest = { id: '20261128-000000000-abcd', createdAt: '2026-11-28T00:00:00.000Z', tables: [] } as unknown as BackupManifest;

describe('backups restore confirmation', () => {
  it('ctrl-c at the prompt cancels as a user error with exit 130, not an "unexpected error"', async () => {
    const input = terminal();
    const asked = confirm(manifest, '127.0.0.1:5432/shop', input);
    input.write('\x03');
    await expect(asked).rejects.toMatchObject({ name: 'UserError', message: 'restore cancelled (ctrl-c): nothing was changed', exitCode: 130 });
  });

  it('anything but yes cancels with exit 2; yes goes ahead', async () => {
    const no = terminal();
    const refused = confirm(manifest, 'db', no);
    no.write('no\r');
    await expect(refused).rejects.toMatchObject({ message: 'restore cancelled: nothing was changed', exitCode: 2 });
    const yes = terminal();
    const accepted = confirm(manifest, 'db', yes);
    yes.write('yes\r');
    await expect(accepted).resolves.toBeUndefined();
  });
});
