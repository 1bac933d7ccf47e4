#!/usr/bin/env node
// What libpg-query's parse of a history costs, piece by piece: loading its module, compiling and
// instantiating the WebAssembly, the first parse, a whole history, and the share of JSON.parse in it
// (the AST comes out of WebAssembly as JSON). On the generated 823-file Prisma history (--files N).
//
//   node bench/parse-cost.mjs [--files 823]
import { setFlagsFromString } from 'node:v8';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePrismaHistory } from './lib/prisma-history.mjs';

// as src/sql/parser.ts loads it: V8's baseline compiler only
setFlagsFromString('--liftoff-only');
const i = process.argv.indexOf('--files');
const count = i > 0 ? Number(process.argv[i + 1]) : 823;
const scratch = mkdtempSync(join(tmpdir(), 'pgwarden-bench-parse-'));
const texts = writePrismaHistory(join(scratch, 'migrations'), count).map((p) => readFileSync(p, 'utf8'));
rmSync(scratch, { recursive: true, force: true });

const t0 = performance.now();
const parser = await import('libpg-query');
const t1 = performance.now();
await parser.loadModule();
const t2 = performance.now();
parser.parseSync(texts[0]);
const t3 = performance.now();
const asts = texts.map((t) => JSON.stringify(parser.parseSync(t)));
const t4 = performance.now();
for (const t of texts) parser.parseSync(t);
const t5 = performance.now();
for (const a of asts) JSON.parse(a);
const t6 = performance.now();
const mb = (n) => `${(n / 2 ** 20).toFixed(2)} MB`;
console.log(`${count} files, ${mb(texts.reduce((n, t) => n + t.length, 0))} of SQL, ${mb(asts.reduce((n, a) => n + a.length, 0))} of AST JSON`);
console.log(`import libpg-query             ${(t1 - t0).toFixed(0)} ms`);
console.log(`compile + instantiate          ${(t2 - t1).toFixed(0)} ms`);
console.log(`first parse                    ${(t3 - t2).toFixed(0)} ms`);
console.log(`every file, first time         ${(t4 - t3).toFixed(0)} ms`);
console.log(`every file, again              ${(t5 - t4).toFixed(0)} ms`);
console.log(`  of which JSON.parse of ASTs  ${(t6 - t5).toFixed(0)} ms`);
