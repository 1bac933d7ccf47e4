#!/usr/bin/env node
// Part of `npm run build`: writes every command's help and completion data next to the built CLI, so
// that `pgwarden --help` and `pgwarden completion` need not load the command modules (see
// src/cli/command-manifest.ts; test/cli/startup.test.ts checks it matches the commands).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const cli = resolve(import.meta.dirname, '..', 'dist', 'src', 'cli');
const { buildProgram } = await import(join(cli, 'program.js'));
const { describeCommands, MANIFEST_FILE } = await import(join(cli, 'command-manifest.js'));
const { version } = await import(join(cli, 'version.js'));
const program = await buildProgram(undefined, { manifest: false });
writeFileSync(join(cli, MANIFEST_FILE), `${JSON.stringify(describeCommands(program, version), null, 1)}\n`);

// The build's content hash (src/version.ts pgwardenBuild): what the lint cache is keyed by besides the version.
const { BUILD_ID_FILE } = await import(join(cli, '..', 'version.js'));
const hash = createHash('sha256');
const dist = resolve(cli, '..', '..');
for (const file of readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js')).sort()) hash.update(file).update('\0').update(readFileSync(join(dist, file))).update('\0');
writeFileSync(join(cli, '..', BUILD_ID_FILE), `${hash.digest('hex').slice(0, 16)}\n`);
