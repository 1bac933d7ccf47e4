import { createHash } from 'node:crypto';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Finding, RuleMeta } from '../../src/lint/types.js';
import type { ReportInput } from '../../src/report/types.js';
import { jsonReporter } from '../../src/report/json.js';
import { escapeData, escapeProperty, githubReporter } from '../../src/report/github.js';
import { gitlabReporter } from '../../src/report/gitlab.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { repositoryPath } from '../../src/report/paths.js';
import { sarifReporter } from '../../src/report/sarif.js';
import { createPrettyReporter } from '../../src/report/pretty.js';
import { FORMATS, isFormatName, reporterFor, ruleCatalog } from '../../src/report/index.js';

const dropTable: RuleMeta = {
  id: 'ban-drop-table',
  category: 'destructive',
  defaultSeverity: 'error',
  summary: 'Dropping a table deletes its data.',
  why: 'The rows are gone.',
  safeAlternative: 'Rename it first.',
  help: 'Drop in a later release.',
};

const source = '-- é ☃ 😀\nSELECT 1;\nDROP TABLE users;\n';
const error: Finding = {
  rule: 'ban-drop-table',
  severity: 'error',
  file: 'migrations/001_init.sql',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 17,
  message: 'Dropping table users deletes all of its rows.',
  help: 'Drop in a later release.',
};
const warning: Finding = {
  rule: 'unknown-ignore-rule',
  severity: 'warning',
  file: 'migrations/002 weird, name:x.sql',
  line: 1,
  column: 3,
  endLine: 1,
  endColumn: 10,
  message: "100% sure: 'x' is not a rule,\nreally",
};

function input(findings: Finding[], extra: Partial<ReportInput> = {}): ReportInput {
  return {
    findings,
    files: ['migrations/001_init.sql', 'migrations/002 weird, name:x.sql', 'migrations/003.sql'],
    sources: new Map([['migrations/001_init.sql', source]]),
    rules: ruleCatalog([dropTable]),
    cwd: '/repo',
    toolVersion: '0.1.0',
    ...extra,
  };
}

describe('reporter index', () => {
  it('knows every documented format', () => {
    expect(FORMATS).toEqual(['pretty', 'json', 'github', 'sarif', 'gitlab', 'markdown']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
    expect(reporterFor('json')).toBe(jsonReporter);
  });
});

describe('json', () => {
  it('prints exactly the DESIGN.md contract', () => {
    const out = JSON.parse(jsonReporter(input([error, warning])));
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(out.summary).toEqual({ files: 3, errors: 1, warnings: 1 });
    expect(Object.keys(out.findings[0])).toEqual(['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'help']);
    expect(out.findings[0]).toEqual({ ...error });
    expect(out.findings[1].help).toBeNull();
  });
  it('leaves the suppressed marker out', () => {
    const out = JSON.parse(jsonReporter(input([{ ...error, suppressed: { reason: 'x' } }])));
    expect(out.findings[0]).not.toHaveProperty('suppressed');
  });
});

describe('github', () => {
  it('escapes data and properties the way the Actions runner expects', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
  it('prints one workflow command per finding', () => {
    const lines = githubReporter(input([error, warning])).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=migrations/001_init.sql,line=3,col=1,endLine=3,endColumn=17,title=ban-drop-table::Dropping table users deletes all of its rows.%0Ahelp: Drop in a later release.',
      "::warning file=migrations/002 weird%2C name%3Ax.sql,line=1,col=3,endLine=1,endColumn=10,title=unknown-ignore-rule::100%25 sure: 'x' is not a rule,%0Areally",
    ]);
  });
  it('prints nothing when there is nothing to report', () => {
    expect(githubReporter(input([]))).toBe('');
  });
});

describe('gitlab', () => {
  it('prints a Code Quality report', () => {
    const report = JSON.parse(gitlabReporter(input([error, warning, { ...error, file: '/repo/migrations/abs.sql' }])));
    expect(report).toHaveLength(3);
    expect(report[0]).toEqual({
      description: error.message,
      check_name: 'ban-drop-table',
      fingerprint: createHash('sha256').update(['ban-drop-table', 'migrations/001_init.sql', error.message, 'DROP TABLE users', '1'].join('\0')).digest('hex'),
      severity: 'major',
      location: { path: 'migrations/001_init.sql', lines: { begin: 3 } },
    });
    expect(report[1].severity).toBe('minor');
    expect(report[2].location.path).toBe('migrations/abs.sql');
    expect(new Set(report.map((r: { fingerprint: string }) => r.fingerprint)).size).toBe(3);
  });

  it('keeps a fingerprint when unrelated lines are inserted above the finding', () => {
    const before = JSON.parse(gitlabReporter(input([error])))[0];
    const moved = { ...error, line: 6, endLine: 6 };
    const sources = new Map([['migrations/001_init.sql', `-- a comment\nSELECT 2;\n\n${source}`]]);
    const after = JSON.parse(gitlabReporter(input([moved], { sources })))[0];
    expect(after.location.lines.begin).toBe(6);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('tells apart the same finding on two identical statements of one file', () => {
    const twice = '-- é ☃ 😀\nSELECT 1;\nDROP TABLE users;\nDROP TABLE users;\n';
    const report = JSON.parse(gitlabReporter(input([error, { ...error, line: 4, endLine: 4 }], { sources: new Map([['migrations/001_init.sql', twice]]) })));
    expect(report[0].fingerprint).not.toBe(report[1].fingerprint);
  });
});

describe('paths relative to the repository root', () => {
  const inSubdirectory = { cwd: '/repo/services/api', root: '/repo' };

  it('github, sarif and gitlab name files from the root, never absolute, also when run in a subdirectory', () => {
    const findings = [{ ...error, file: 'db/migrations/001.sql' }, { ...error, file: '/repo/services/api/db/migrations/002.sql' }];
    const github = githubReporter(input(findings, inSubdirectory));
    expect([...github.matchAll(/file=([^,]+)/g)].map((m) => m[1])).toEqual(['services/api/db/migrations/001.sql', 'services/api/db/migrations/002.sql']);
    const sarif = JSON.parse(sarifReporter(input(findings, inSubdirectory)));
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    expect(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'services/api/db/migrations/001.sql',
      'services/api/db/migrations/002.sql',
    ]);
    const gitlab = JSON.parse(gitlabReporter(input(findings, inSubdirectory)));
    expect(gitlab.map((i: { location: { path: string } }) => i.location.path)).toEqual(['services/api/db/migrations/001.sql', 'services/api/db/migrations/002.sql']);
  });

  it('a file outside the repository is named relative to the working directory', () => {
    expect(repositoryPath('/elsewhere/x.sql', '/repo/services', '/repo')).toBe('../../elsewhere/x.sql');
    expect(repositoryPath('<stdin>', '/repo', '/repo')).toBe('<stdin>');
  });
});

describe('markdown', () => {
  it('is a headline with the counts and one table row per finding, links absolute', () => {
    const out = markdownReporter(input([error, { ...warning, message: 'a | b\nc <d>' }]));
    expect(out.split('\n')).toEqual([
      '### pgwarden: 1 error, 1 warning in 3 files',
      '',
      '| Severity | Location | Rule | Finding |',
      '|---|---|---|---|',
      '| error | `migrations/001_init.sql:3:1` | [`ban-drop-table`](https://github.com/pgwarden/pgwarden/blob/main/docs/rules/ban-drop-table.md) | Dropping table users deletes all of its rows.<br>*Drop in a later release.* |',
      '| warning | `migrations/002 weird, name:x.sql:1:3` | `unknown-ignore-rule` | a \\| b<br>c &lt;d&gt; |',
      '',
    ]);
  });
  it('says so when there is nothing to report', () => {
    expect(markdownReporter(input([]))).toBe('### pgwarden: no problems in 3 files\n');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with rule descriptors and located results', () => {
    const log = JSON.parse(sarifReporter(input([error, warning])));
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'pgwarden', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['ban-drop-table', 'syntax-error', 'unknown-ignore-rule', 'file-too-large', 'internal-error']);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'ban-drop-table',
      shortDescription: { text: dropTable.summary },
      fullDescription: { text: dropTable.why },
      help: { text: dropTable.help },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results).toHaveLength(2);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results[0]).toEqual({
      ruleId: 'ban-drop-table',
      ruleIndex: 0,
      level: 'error',
      message: { text: error.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'migrations/001_init.sql', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 17 },
          },
        },
      ],
    });
    expect(run.results[1].level).toBe('warning');
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('migrations/002%20weird,%20name:x.sql');
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
  });
  it('gives a descriptor to a rule missing from the catalog', () => {
    const log = JSON.parse(sarifReporter(input([{ ...warning, rule: 'from-a-plugin' }], { rules: [] })));
    const run = log.runs[0];
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('from-a-plugin');
  });
});

describe('pretty', () => {
  const plain = createPrettyReporter(new Chalk({ level: 0 }));
  it('prints location, code frame, help and summary without escapes when colour is off', () => {
    const out = plain(input([error, warning]));
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toBe(
      [
        'migrations/001_init.sql:3:1  error  Dropping table users deletes all of its rows.  ban-drop-table',
        '  3 | DROP TABLE users;',
        '    | ^^^^^^^^^^^^^^^^',
        '  help: Drop in a later release.',
        '',
        "migrations/002 weird, name:x.sql:1:3  warning  100% sure: 'x' is not a rule,\nreally  unknown-ignore-rule",
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });
  it('underlines by characters after multibyte text and spans several lines', () => {
    const text = 'SELECT 1; -- é ☃ 😀\nSELECT \'é\'; ALTER TABLE t\n  DROP COLUMN c,\n  DROP COLUMN d,\n  DROP COLUMN e,\n  DROP COLUMN f;\n';
    const finding: Finding = { ...error, file: 'm.sql', line: 2, column: 13, endLine: 6, endColumn: 17 };
    const out = plain(input([finding], { sources: new Map([['m.sql', text]]) }));
    expect(out.split('\n').slice(1, 11)).toEqual([
      "  2 | SELECT 'é'; ALTER TABLE t",
      '    |             ^^^^^^^^^^^^^',
      '  3 |   DROP COLUMN c,',
      '    |   ^^^^^^^^^^^^^^',
      '  4 |   DROP COLUMN d,',
      '    |   ^^^^^^^^^^^^^^',
      '  5 |   DROP COLUMN e,',
      '    |   ^^^^^^^^^^^^^^',
      '    | …',
      '  help: Drop in a later release.',
    ]);
  });
  it('colours severities when colour is on', () => {
    const out = createPrettyReporter(new Chalk({ level: 1 }))(input([error]));
    expect(out).toContain('\u001b[31merror\u001b[39m');
  });
  it('says so when there is nothing to report', () => {
    expect(plain(input([]))).toBe('✔ no problems in 3 files\n');
  });
});
