// A generated Prisma migration history (prisma/migrations/<timestamp>_<name>/migration.sql), shaped like a
// long-lived public one: mostly small files as `prisma migrate dev` writes them (a column added, an index,
// a foreign key, an enum value), now and then a new table with its indexes and keys, a data fix, a
// renamed index, a dropped column. Deterministic: the same count gives the same files, so runs compare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32): Math.random would make every run a different history. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMN_TYPES = ['TEXT', 'INTEGER', 'BOOLEAN NOT NULL DEFAULT false', 'TIMESTAMP(3)', 'JSONB', 'TEXT NOT NULL DEFAULT \'\'', 'DOUBLE PRECISION', 'BIGINT'];

/**
 * Writes `count` migrations under `dir` (which becomes a Prisma `migrations` folder) and returns the
 * path of each migration.sql in order.
 */
export function writePrismaHistory(dir, count, seed = 823) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const tables = [];
  const enums = [];
  const paths = [];
  let columnSerial = 0;
  const newTable = () => {
    const name = `Model${tables.length}`;
    const table = { name, columns: ['id', 'createdAt'], indexes: [] };
    tables.push(table);
    const parent = tables.length > 1 ? tables[Math.floor(rand() * (tables.length - 1))] : undefined;
    const lines = [
      '-- CreateTable',
      `CREATE TABLE "${name}" (`,
      '    "id" SERIAL NOT NULL,',
      '    "name" TEXT NOT NULL,',
      '    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,',
      '    "updatedAt" TIMESTAMP(3) NOT NULL,',
    ];
    if (parent) {
      lines.push(`    "${parent.name.toLowerCase()}Id" INTEGER NOT NULL,`);
      table.columns.push(`${parent.name.toLowerCase()}Id`);
    }
    lines.push('', `    CONSTRAINT "${name}_pkey" PRIMARY KEY ("id")`, ');', '');
    if (parent) {
      const column = `${parent.name.toLowerCase()}Id`;
      lines.push('-- CreateIndex', `CREATE INDEX "${name}_${column}_idx" ON "${name}"("${column}");`, '');
      lines.push(
        '-- AddForeignKey',
        `ALTER TABLE "${name}" ADD CONSTRAINT "${name}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${parent.name}"("id") ON DELETE CASCADE ON UPDATE CASCADE;`,
        '',
      );
    }
    lines.push('-- CreateIndex', `CREATE UNIQUE INDEX "${name}_name_key" ON "${name}"("name");`, '');
    return lines;
  };
  const kinds = [
    // weights follow what a long Prisma history is made of: columns and indexes far more than tables
    [30, () => {
      const table = pick(tables);
      const column = `field${columnSerial++}`;
      table.columns.push(column);
      return ['-- AlterTable', `ALTER TABLE "${table.name}" ADD COLUMN     "${column}" ${pick(COLUMN_TYPES)};`, ''];
    }],
    [12, newTable],
    [12, () => {
      const table = pick(tables);
      const column = pick(table.columns);
      const index = `${table.name}_${column}_${table.indexes.length}_idx`;
      table.indexes.push(index);
      return ['-- CreateIndex', `CREATE INDEX "${index}" ON "${table.name}"("${column}");`, ''];
    }],
    [8, () => {
      const name = `Enum${enums.length}`;
      enums.push(name);
      const table = pick(tables);
      const column = `status${columnSerial++}`;
      table.columns.push(column);
      return [
        '-- CreateEnum',
        `CREATE TYPE "${name}" AS ENUM ('PENDING', 'ACTIVE', 'DISABLED');`,
        '',
        '-- AlterTable',
        `ALTER TABLE "${table.name}" ADD COLUMN     "${column}" "${name}" NOT NULL DEFAULT 'PENDING';`,
        '',
      ];
    }],
    [6, () => (enums.length === 0 ? [] : ['-- AlterEnum', `ALTER TYPE "${pick(enums)}" ADD VALUE 'V${columnSerial++}';`, ''])],
    [6, () => {
      const table = pick(tables);
      if (table.indexes.length === 0) return [];
      const index = table.indexes.pop();
      return ['-- DropIndex', `DROP INDEX "${index}";`, ''];
    }],
    [6, () => {
      const table = pick(tables);
      const column = `field${columnSerial++}`;
      return [
        '-- AlterTable',
        `ALTER TABLE "${table.name}" ADD COLUMN     "${column}" TEXT;`,
        '',
        `UPDATE "${table.name}" SET "${column}" = "name" WHERE "${column}" IS NULL;`,
        '',
      ];
    }],
    [5, () => {
      const table = pick(tables);
      const extra = table.columns.filter((c) => c.startsWith('field'));
      if (extra.length === 0) return [];
      const column = extra[Math.floor(rand() * extra.length)];
      table.columns.splice(table.columns.indexOf(column), 1);
      return [
        '/*',
        '  Warnings:',
        '',
        `  - You are about to drop the column \`${column}\` on the \`${table.name}\` table. All the data in the column will be lost.`,
        '',
        '*/',
        '-- AlterTable',
        `ALTER TABLE "${table.name}" DROP COLUMN "${column}";`,
        '',
      ];
    }],
    [5, () => {
      const table = pick(tables);
      if (table.indexes.length === 0) return [];
      const i = table.indexes.length - 1;
      const renamed = `${table.indexes[i]}_r`;
      const sql = ['-- RenameIndex', `ALTER INDEX "${table.indexes[i]}" RENAME TO "${renamed}";`, ''];
      table.indexes[i] = renamed;
      return sql;
    }],
    [5, () => {
      const from = pick(tables);
      const to = pick(tables);
      const column = `${to.name.toLowerCase()}Ref${columnSerial++}`;
      from.columns.push(column);
      return [
        '-- AlterTable',
        `ALTER TABLE "${from.name}" ADD COLUMN     "${column}" INTEGER;`,
        '',
        '-- AddForeignKey',
        `ALTER TABLE "${from.name}" ADD CONSTRAINT "${from.name}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${to.name}"("id") ON DELETE SET NULL ON UPDATE CASCADE;`,
        '',
      ];
    }],
    [5, () => {
      const table = pick(tables);
      const column = pick(table.columns.filter((c) => c.startsWith('field')).concat(['name']));
      return ['-- AlterTable', `ALTER TABLE "${table.name}" ALTER COLUMN "${column}" DROP NOT NULL;`, ''];
    }],
  ];
  const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
  const start = Date.UTC(2021, 5, 5, 22, 50, 44);
  for (let n = 0; n < count; n++) {
    const lines = n === 0 ? [...newTable(), ...newTable(), ...newTable()] : [];
    // one to three changes per migration, as a developer's schema edit between two `migrate dev`s
    for (let parts = n === 0 ? 0 : 1 + Math.floor(rand() * 3); parts > 0; parts--) {
      let r = rand() * total;
      const kind = kinds.find(([weight]) => (r -= weight) < 0) ?? kinds[0];
      lines.push(...kind[1]());
    }
    if (lines.length === 0) lines.push(...kinds[0][1]());
    const stamp = new Date(start + n * 3_600_000 * 17).toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = join(dir, `${stamp}_change_${n}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'migration.sql');
    writeFileSync(path, lines.join('\n'));
    paths.push(path);
  }
  writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  return paths;
}
