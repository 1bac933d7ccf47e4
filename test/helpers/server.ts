/**
 * The major version of the test server (set by global-setup.ts before any test file is collected), so a
 * file can evaluate pgwarden's claims for the server it runs on and leave out statements that server lacks.
 */
export function testServerMajor(): number {
  const major = Number(process.env.PGWARDEN_TEST_SERVER_MAJOR);
  if (!Number.isInteger(major) || major <= 0) throw new Error('PGWARDEN_TEST_SERVER_MAJOR is not set: run the tests through vitest (test/helpers/global-setup.ts)');
  return major;
}
