import { describe, expect, it } from 'vitest';
import { parseYamlSubset } from './yaml-subset.js';

describe('the YAML subset reader the CI-file tests rely on', () => {
  it('reads mappings, sequences of mappings, quoting, comments and block scalars', () => {
    const doc = parseYamlSubset(`# comment
name: demo   # trailing comment
quoted: 'it''s: fine'
double: "a\\tb"
flag: true
list:
  - plain
  - key: value
    other: 'x'
  -
    nested: yes
script: |
  echo one
    indented # not a comment

  echo two
folded: >-
  --a 1
  --b 2
empty:
`);
    expect(doc).toEqual({
      name: 'demo',
      quoted: "it's: fine",
      double: 'a\tb',
      flag: true,
      list: ['plain', { key: 'value', other: 'x' }, { nested: 'yes' }],
      script: 'echo one\n  indented # not a comment\n\necho two\n',
      folded: '--a 1 --b 2',
      empty: '',
    });
  });

  it('refuses what it does not understand instead of misreading it', () => {
    expect(() => parseYamlSubset('a: { b: c }\n')).toThrow(/flow collections/);
    expect(() => parseYamlSubset('a: b: c\n')).toThrow(/": " inside a plain scalar/);
    expect(() => parseYamlSubset('a: 1\na: 2\n')).toThrow(/duplicate key a/);
    expect(() => parseYamlSubset('a:\n    b: 1\n  c: 2\n')).toThrow(/unexpected indentation|expected/);
  });
});
