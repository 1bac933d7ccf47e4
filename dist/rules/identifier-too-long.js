import { SourceFile } from '../src/sql/source.js';
import { identifierText, scanTokens } from '../src/sql/tokens.js';
/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated to this many bytes. */
const MAX_IDENTIFIER_BYTES = 63;
/** Statements that only read or write rows: a long name there refers to an object, it names nothing new. */
const DATA_STATEMENTS = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt', 'DoStmt']);
/** Cheap pre-check so that only statements with a long word pay for a second scan. */
function mayHoldLongIdentifier(text) {
    for (const word of text.match(/"(?:[^"]|"")+"|[\p{L}\p{N}_$]{16,}/gu) ?? []) {
        if (Buffer.byteLength(word, 'utf8') > MAX_IDENTIFIER_BYTES)
            return true;
    }
    return false;
}
export const identifierTooLong = {
    meta: {
        id: 'identifier-too-long',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Identifiers longer than 63 bytes are silently truncated by PostgreSQL.',
        why: 'PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1) and truncates longer ones with only a NOTICE. The object then exists under a different name than the migration and the application use: ORMs that compare names see drift, two long names that share their first 63 bytes collide ("relation already exists"), and a later migration that spells the full name may hit the wrong object. The limit is in bytes, so names with accents or other non-ASCII characters reach it sooner. Reported in schema statements (CREATE, ALTER, COMMENT…), where names are defined.',
        safeAlternative: [
            'Choose a shorter name, abbreviating consistently:',
            '```sql',
            'CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);',
            '```',
        ].join('\n'),
        help: 'Shorten the name to at most 63 bytes.',
        limits: 'Names are measured in UTF-8 bytes as PostgreSQL counts them, in schema statements only (CREATE, ALTER, COMMENT…), where names are written; names PostgreSQL generates itself (an index or constraint named after a long table and column) are not checked, nor names in INSERT, UPDATE and other data statements.',
    },
    check({ statement, file, report }) {
        if (DATA_STATEMENTS.has(statement.kind) || !mayHoldLongIdentifier(statement.text))
            return;
        const tokens = scanTokens(statement.text);
        if (!tokens)
            return;
        const local = new SourceFile('', statement.text);
        const seen = new Set();
        for (const token of tokens) {
            if (token.tokenName !== 'IDENT')
                continue;
            const name = identifierText(token);
            const bytes = Buffer.byteLength(name, 'utf8');
            if (bytes <= MAX_IDENTIFIER_BYTES || seen.has(name))
                continue;
            seen.add(name);
            const start = statement.start + local.indexOfByte(token.start);
            const end = statement.start + local.indexOfByte(token.end);
            const kept = Buffer.from(name, 'utf8').subarray(0, MAX_IDENTIFIER_BYTES).toString('utf8').replace(/\uFFFD$/, '');
            report({
                // truncation never splits a character, so a multibyte name may keep fewer than 63 bytes
                message: `Identifier "${name}" is ${bytes} bytes; PostgreSQL truncates it to "${kept}" (${Buffer.byteLength(kept, 'utf8')} bytes).`,
                range: { start: file.positionAt(start), end: file.positionAt(end) },
            });
        }
    },
};
