import { pathToFileURL } from 'node:url';
import { repositoryPath } from './paths.js';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/pgwarden/pgwarden';
function level(severity) {
    // info: a lock finding ranked down on a small table of the live database (src/live/)
    return severity === 'off' ? 'none' : severity === 'info' ? 'note' : severity;
}
/** SARIF 2.1.0, the format GitHub code scanning and other security dashboards import. */
export const sarifReporter = ({ findings, rules, cwd, root = cwd, toolVersion }) => {
    const catalog = [...rules];
    const index = new Map(catalog.map((r, i) => [r.id, i]));
    // A finding from a rule the catalog does not know still needs a descriptor for ruleIndex.
    for (const f of findings) {
        if (index.has(f.rule))
            continue;
        index.set(f.rule, catalog.length);
        catalog.push({ id: f.rule, category: 'robustness', defaultSeverity: f.severity === 'info' ? 'warning' : f.severity, summary: f.rule, why: f.message, safeAlternative: '', help: f.help ?? '' });
    }
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'pgwarden',
                        version: toolVersion,
                        semanticVersion: toolVersion,
                        informationUri: INFORMATION_URI,
                        rules: catalog.map((r) => ({
                            id: r.id,
                            name: r.id,
                            shortDescription: { text: r.summary },
                            fullDescription: { text: r.why },
                            help: { text: r.help, markdown: r.safeAlternative ? `${r.help}\n\n${r.safeAlternative}` : r.help },
                            defaultConfiguration: { level: level(r.defaultSeverity) },
                            properties: { category: r.category },
                        })),
                    },
                },
                // Our columns count characters, not SARIF's default UTF-16 code units.
                columnKind: 'unicodeCodePoints',
                originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href } },
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ruleIndex: index.get(f.rule),
                    level: level(f.severity),
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: artifactUri(repositoryPath(f.file, cwd, root)), uriBaseId: '%SRCROOT%' },
                                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                            },
                        },
                    ],
                })),
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
};
/** A relative URI reference; `./` keeps a first segment with `:` from reading as a scheme. */
function artifactUri(path) {
    const uri = encodeURI(path).replace(/[?#]/g, encodeURIComponent);
    return /^[^/]*:/.test(uri) ? `./${uri}` : uri;
}
