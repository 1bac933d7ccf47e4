/**
 * A reader for the YAML subset our CI files use (no YAML parser is installed): block mappings and
 * sequences by indentation, `|` literal and `>` folded block scalars, quoted and plain scalars, comments.
 * Anything outside that subset (flow collections, anchors, multi-line plain scalars) throws, so a test
 * never reads a file differently from a real YAML parser without noticing.
 */
export type YamlValue = string | boolean | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function parseYamlSubset(source: string): YamlValue {
  const raw = source.replace(/\r\n/g, '\n').split('\n');
  const reader = new Reader(raw);
  const first = reader.peek();
  if (!first) return {};
  const value = reader.block(first.indent);
  const rest = reader.peek();
  if (rest) throw new Error(`line ${rest.number}: unexpected indentation`);
  return value;
}

class Reader {
  private index = 0;
  constructor(private readonly lines: string[]) {}

  /** The next line with content (comments and blank lines skipped). */
  peek(): Line | undefined {
    while (this.index < this.lines.length) {
      const text = this.lines[this.index];
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        this.index++;
        continue;
      }
      if (/^\t/.test(text)) throw new Error(`line ${this.index + 1}: tab indentation`);
      return { indent: text.length - text.trimStart().length, text: trimmed, number: this.index + 1 };
    }
    return undefined;
  }

  block(indent: number): YamlValue {
    const line = this.peek();
    if (!line) return '';
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.peek()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.index++;
        const next = this.peek();
        items.push(next && next.indent > indent ? this.block(next.indent) : '');
      } else if (isMappingEntry(rest)) {
        // "- key: value": a mapping whose entries sit where "key" starts
        const inner = indent + (line.text.length - rest.length);
        this.lines[this.index] = ' '.repeat(inner) + rest;
        items.push(this.mapping(inner));
      } else {
        this.index++;
        items.push(this.scalarOrBlock(rest, indent, line.number));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#][^:#]*?)\s*:(?:\s+(.*))?$/.exec(line.text);
      if (!match) throw new Error(`line ${line.number}: expected "key: value", got ${line.text}`);
      const key = unquote(match[1], line.number);
      if (key in out) throw new Error(`line ${line.number}: duplicate key ${key}`);
      this.index++;
      const rest = stripComment(match[2] ?? '');
      if (rest === '') {
        const next = this.peek();
        out[key] = next && next.indent > indent ? this.block(next.indent) : '';
      } else {
        out[key] = this.scalarOrBlock(rest, indent, line.number);
      }
    }
    return out;
  }

  private scalarOrBlock(text: string, parentIndent: number, lineNumber: number): YamlValue {
    const header = /^([|>])([+-]?)$/.exec(text);
    if (!header) return scalar(text, lineNumber);
    const body: string[] = [];
    let blockIndent: number | undefined;
    while (this.index < this.lines.length) {
      const raw = this.lines[this.index];
      if (raw.trim() === '') {
        body.push('');
        this.index++;
        continue;
      }
      const indent = raw.length - raw.trimStart().length;
      if (indent <= parentIndent) break;
      blockIndent ??= indent;
      if (indent < blockIndent) throw new Error(`line ${this.index + 1}: block scalar indentation`);
      body.push(raw.slice(blockIndent));
      this.index++;
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const joined = header[1] === '|' ? body.join('\n') : body.join(' ').replace(/ {2,}/g, ' ');
    return header[2] === '-' ? joined : `${joined}\n`;
  }
}

function isMappingEntry(text: string): boolean {
  return /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#][^:#]*?)\s*:(\s|$)/.test(text);
}

function stripComment(text: string): string {
  if (text.startsWith("'") || text.startsWith('"')) return text.trim();
  return text.replace(/\s+#.*$/, '').trim();
}

function scalar(text: string, lineNumber: number): YamlValue {
  if (/^[[{&*!]/.test(text)) throw new Error(`line ${lineNumber}: flow collections, anchors and tags are outside the subset`);
  if (text.startsWith("'") || text.startsWith('"')) return unquote(text, lineNumber);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/:\s/.test(text)) throw new Error(`line ${lineNumber}: ": " inside a plain scalar`);
  return text;
}

function unquote(text: string, lineNumber: number): string {
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`line ${lineNumber}: unterminated quoted string`);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new Error(`line ${lineNumber}: unterminated quoted string`);
    return JSON.parse(text) as string;
  }
  return text;
}
