import { SourceFile } from '../sql/source.js';
import { forwardText } from '../sql/sections.js';
import { parseSource, loadParser } from '../sql/parser.js';
import { doBlockStatements } from '../sql/plpgsql.js';
import { SchemaModel, tableKey } from './schema.js';
import { analyzeTransactions } from './transactions.js';
import { lockTakenBy, LOCK_MODES } from './locks.js';
import { tablesAtRisk } from './risk.js';
import { DEFAULT_PG_MAJOR } from './pg-features.js';
/**
 * Replays migrations in order through one SchemaModel, as the lint engine does, so that each one is
 * judged against the schema the earlier ones built (a table created in the same file is not at risk).
 * Pass applied and pending migrations alike; read the pending ones from the result.
 */
export async function analyzeMigrations(sources, options = {}) {
    await loadParser();
    const schema = new SchemaModel();
    // an unqualified name in allow-data-loss means the first schema of the path, as in the SQL
    const defaultSchema = options.searchPath?.[0] ?? 'public';
    return sources.map((source, fileIndex) => {
        const file = new SourceFile(source.path, forwardText(source.text));
        const parsed = parseSource(file);
        const statements = [];
        for (const s of parsed.statements) {
            statements.push(s);
            if (s.kind === 'DoStmt')
                statements.push(...doBlockStatements(parsed, s));
        }
        const transactions = analyzeTransactions(statements, parsed.directives, options.transaction ?? 'per-file', options.pgVersion ?? DEFAULT_PG_MAJOR, undefined, options.searchPath);
        const locks = new Map();
        const risks = new Map();
        const details = [];
        statements.forEach((statement, index) => {
            schema.at({ file: fileIndex, transaction: transactions.states[index].id });
            if (index === 0)
                schema.resolveNames(statement);
            for (const lock of lockTakenBy(statement, schema)) {
                const claim = { ...lock, createdHere: schema.relationCreatedInCurrentFile(lock.relation) };
                const seen = locks.get(claim.relation);
                locks.set(claim.relation, seen ? strongest(seen, claim) : claim);
            }
            for (const risk of tablesAtRisk(statement, schema)) {
                const entry = risks.get(risk.table) ?? { table: risk.table, reasons: [] };
                if (!entry.reasons.includes(risk.reason))
                    entry.reasons.push(risk.reason);
                risks.set(risk.table, entry);
                details.push({ table: risk.table, reason: risk.reason, statement: statement.text, line: statement.range.start.line });
            }
            schema.apply(statement);
        });
        const allowDataLoss = [
            ...new Set(parsed.directives.flatMap((d) => (d.directive.type === 'allow-data-loss' ? d.directive.tables.map((t) => tableKey(t.includes('.') ? t : `${defaultSchema}.${t}`)) : []))),
        ];
        return {
            name: source.name,
            path: source.path,
            transaction: transactions.mode,
            transactionReason: transactions.reason,
            statements: parsed.statements,
            locks: [...locks.values()],
            tablesAtRisk: [...risks.values()],
            risks: details,
            allowDataLoss,
            syntaxError: parsed.syntaxError,
        };
    });
}
function strongest(a, b) {
    const stronger = LOCK_MODES.indexOf(b.mode) > LOCK_MODES.indexOf(a.mode) ? b : a;
    return { ...stronger, rewrite: a.rewrite || b.rewrite, scan: a.scan || b.scan, createdHere: a.createdHere && b.createdHere };
}
