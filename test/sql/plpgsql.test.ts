import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser, parseSource } from '../../src/sql/parser.js';
import { doBlockStatements } from '../../src/sql/plpgsql.js';
import { lintSources } from '../../src/lint/engine.js';
import { banDropTable } from '../../rules/ban-drop-table.js';

beforeAll(() => loadParser());

function nested(text: string) {
  const parsed = parseSource(new SourceFile('m.sql', text));
  return parsed.statements.flatMap((s) => doBlockStatements(parsed, s));
}

async function dropTableFindings(text: string) {
  const result = await lintSources([{ path: 'm.sql', text }], [banDropTable]);
  return result.findings.filter((f) => !f.suppressed).map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('doBlockStatements', () => {
  it('finds static SQL in nested blocks, IF, CASE, loops and exception handlers, in order', () => {
    const sql = [
      'DO $$',
      'DECLARE r record;',
      'BEGIN',
      '  IF true THEN UPDATE a SET x = 1; ELSIF false THEN DELETE FROM b; ELSE TRUNCATE c; END IF;',
      '  CASE WHEN true THEN DROP TABLE d; ELSE DROP TABLE e; END CASE;',
      '  FOR r IN SELECT * FROM f LOOP DELETE FROM g; END LOOP;',
      '  WHILE false LOOP DROP TABLE h; END LOOP;',
      '  BEGIN DROP TABLE i; EXCEPTION WHEN others THEN DROP TABLE j; END;',
      "  EXECUTE 'DROP TABLE dynamic';",
      '  RAISE NOTICE $q$DROP TABLE literal$q$;',
      'END $$;',
    ].join('\n');
    expect(nested(sql).map((s) => s.text)).toEqual([
      'UPDATE a SET x = 1',
      'DELETE FROM b',
      'TRUNCATE c',
      'DROP TABLE d',
      'DROP TABLE e',
      'SELECT * FROM f',
      'DELETE FROM g',
      'DROP TABLE h',
      'DROP TABLE i',
      'DROP TABLE j',
      'DROP TABLE dynamic',
    ]);
  });

  it('links each statement to its DO block and keeps its kind', () => {
    const parsed = parseSource(new SourceFile('m.sql', 'DO $$ BEGIN DROP TABLE a; END $$;'));
    const [inner] = doBlockStatements(parsed, parsed.statements[0]);
    expect(inner.kind).toBe('DropStmt');
    expect(inner.parent).toBe(parsed.statements[0]);
  });

  it('positions a statement whose INTO clause PL/pgSQL blanked out', () => {
    const sql = 'DO $$ DECLARE n int; BEGIN SELECT count(*) INTO n FROM t; DELETE FROM t; END $$;';
    const statements = nested(sql);
    expect(statements.map((s) => s.text)).toEqual(['SELECT count(*) INTO n FROM t', 'DELETE FROM t']);
    expect(statements[1].range.start).toEqual({ line: 1, column: sql.indexOf('DELETE') + 1 });
  });

  it("maps a single-quoted body with doubled quotes to the file's columns", () => {
    const sql = "DO 'BEGIN UPDATE t SET a = ''x''; DROP TABLE u; END';";
    const statements = nested(sql);
    expect(statements.map((s) => s.text)).toEqual(["UPDATE t SET a = ''x''", 'DROP TABLE u']);
    expect(statements[1].range.start.column).toBe(sql.indexOf('DROP') + 1);
  });

  it('skips other languages, unparsable bodies and CREATE FUNCTION bodies without throwing', () => {
    expect(nested("DO $$ BEGIN DROP TABLE a; END $$ LANGUAGE plperl;")).toEqual([]);
    expect(nested('DO $$ BEGIN this is not plpgsql; END $$;')).toEqual([]);
    expect(
      nested("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE a; END $$;"),
    ).toEqual([]);
  });

  it('maps node locations after multibyte characters to character columns', () => {
    const sql = "DO $tag$ BEGIN RAISE NOTICE 'é☃'; UPDATE t SET a = 1, \"☃\" = 2; END $tag$;";
    const [update] = nested(sql);
    // the byte offset of "☃" inside the query maps back to its character index in the file
    const byteOfSnowman = Buffer.byteLength('UPDATE t SET a = 1, ', 'utf8');
    expect(update.sourceOfLocation(byteOfSnowman)).toBe(sql.indexOf('"☃"'));
  });
});

describe('DO blocks in lint', () => {
  it('reports a DROP TABLE inside a DO at its exact line and column', async () => {
    const sql = ['-- café ☃', 'DO $$', 'BEGIN', '  IF true THEN', '    DROP TABLE légume;', '  END IF;', 'END $$;'].join('\n');
    expect(await dropTableFindings(sql)).toEqual(['5:5 Dropping table légume deletes all of its rows and breaks code that still uses it.']);
  });

  it('does not report a DROP TABLE inside a CREATE FUNCTION body (it runs later, if ever)', async () => {
    const sql = 'CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  DROP TABLE old;\nEND $$;';
    expect(await dropTableFindings(sql)).toEqual([]);
  });

  it('does not report a statement of a BEGIN ATOMIC function or procedure body', async () => {
    const sql = 'CREATE PROCEDURE purge() LANGUAGE sql BEGIN ATOMIC\n  DROP TABLE old;\nEND;\nSELECT 1;';
    expect(await dropTableFindings(sql)).toEqual([]);
  });

  it('keeps exact positions in a file with CRLF line endings', async () => {
    const sql = 'SELECT 1;\r\nDO $body$\r\nBEGIN\r\n    DROP TABLE a;\r\nEND $body$;\r\n';
    expect(await dropTableFindings(sql)).toEqual(['4:5 Dropping table a deletes all of its rows and breaks code that still uses it.']);
  });

  it('does not report SQL inside string literals that are not executed', async () => {
    expect(await dropTableFindings("DO $$ BEGIN RAISE NOTICE 'DROP TABLE b'; END $$;")).toEqual([]);
    expect(await dropTableFindings("SELECT 'DROP TABLE a;';")).toEqual([]);
  });

  it('reports what EXECUTE of a constant string runs, and skips strings built from variables', async () => {
    const message = (t: string) => `Dropping table ${t} deletes all of its rows and breaks code that still uses it.`;
    expect(await dropTableFindings("DO $$ BEGIN EXECUTE 'DROP TABLE a; DROP TABLE b'; END $$;")).toEqual([
      `1:22 ${message('a')}`,
      `1:36 ${message('b')}`,
    ]);
    expect(await dropTableFindings("DO $$\nBEGIN\n  EXECUTE format('DROP TABLE %I', 'Old') || '';\nEND $$;")).toEqual([`3:11 ${message('Old')}`]);
    expect(await dropTableFindings("DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables LOOP EXECUTE format('DROP TABLE %I', r.tablename); END LOOP; END $$;")).toEqual([]);
  });

  it('applies an ignore directive above the DO to the statements inside it', async () => {
    const sql = '-- pgwarden-ignore ban-drop-table: reviewed\nDO $$ BEGIN DROP TABLE a; END $$;';
    expect(await dropTableFindings(sql)).toEqual([]);
  });

  it('applies an ignore directive inside the body to the next statement of the body only', async () => {
    const sql = 'DO $$\nBEGIN\n  -- pgwarden-ignore ban-drop-table: reviewed\n  DROP TABLE a;\n  DROP TABLE b;\nEND $$;';
    expect(await dropTableFindings(sql)).toEqual(['5:3 Dropping table b deletes all of its rows and breaks code that still uses it.']);
    const execute = "DO $$ BEGIN /* pgwarden-ignore ban-drop-table */ EXECUTE 'DROP TABLE a'; END $$;";
    expect(await dropTableFindings(execute)).toEqual([]);
  });
});
