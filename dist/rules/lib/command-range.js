import { identifierText, scanTokens } from '../../src/sql/tokens.js';
import { SourceFile } from '../../src/sql/source.js';
import { nodeAs } from '../../src/sql/ast.js';
/**
 * The range of an ALTER TABLE subcommand such as `DROP COLUMN "b"` or `ALTER COLUMN b DROP NOT NULL`
 * (its first word through the column name), when the statement has several subcommands or the
 * subcommand starts on a later line than its statement: AlterTableCmd has no location, and a finding
 * about `b` belongs on the action that names it. A statement of one action on one line is reported as
 * a whole. `words` are the keywords before the name, optional ones (COLUMN, IF EXISTS) may be missing;
 * without `column`, the range is the words themselves (`SET LOGGED`).
 */
export function commandRange(ctx, words, column) {
    const { statement, file } = ctx;
    const tokens = scanTokens(statement.text);
    if (!tokens)
        return undefined;
    const word = (t) => (t ? identifierText(t) : undefined);
    for (let i = 0; i < tokens.length; i++) {
        let k = i;
        const ok = words.every((w) => word(tokens[k++]) === w);
        if (!ok)
            continue;
        // an action without a column (SET LOGGED) ends with its last word
        if (column === undefined)
            k--;
        else {
            for (const w of ['column', 'if', 'exists'])
                if (word(tokens[k]) === w)
                    k++;
            if (word(tokens[k]) !== column)
                continue;
        }
        const local = new SourceFile('', statement.text);
        const start = file.positionAt(statement.start + local.indexOfByte(tokens[i].start));
        const actions = nodeAs(statement.node, 'AlterTableStmt')?.cmds?.length ?? 1;
        if (start.line === statement.range.start.line && actions < 2)
            return undefined;
        return { start, end: file.positionAt(statement.start + local.indexOfByte(tokens[k].end)) };
    }
    return undefined;
}
