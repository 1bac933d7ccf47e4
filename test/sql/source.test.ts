import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/sql/source.js';

describe('SourceFile', () => {
  it('maps UTF-8 byte offsets to 1-based character columns', () => {
    const file = new SourceFile('a.sql', "-- é ☃\nSELECT 'é☃'; DROP TABLE x;");
    const byte = Buffer.byteLength("-- é ☃\nSELECT 'é☃'; ", 'utf8');
    expect(file.positionOfByte(byte)).toEqual({ line: 2, column: 14 });
  });

  it('counts an astral character as one column', () => {
    const file = new SourceFile('a.sql', "SELECT '😀'; x");
    expect(file.positionAt(file.text.indexOf('x'))).toEqual({ line: 1, column: 13 });
    expect(file.positionOfByte(Buffer.byteLength("SELECT '😀'; ", 'utf8'))).toEqual({ line: 1, column: 13 });
  });

  it('drops a byte order mark', () => {
    const file = new SourceFile('a.sql', '\ufeffSELECT 1;');
    expect(file.text).toBe('SELECT 1;');
  });
});
