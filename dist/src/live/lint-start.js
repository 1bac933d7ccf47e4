import { SchemaModel } from '../analysis/schema.js';
import { seedSchemaFromDdl } from '../analysis/catalog-seed.js';
import { loadParser } from '../sql/parser.js';
import { rankByCost } from './rank.js';
import { driftFindings } from './drift.js';
import { relevantCatalog } from './relevant.js';
/**
 * Lint against a database's facts (read live or from a stats file: the same findings either way).
 * `texts` are the migrations' texts: only the catalog of the tables they name is replayed.
 */
export async function liveLint(facts, rules, texts, options = {}) {
    await loadParser();
    const schema = new SchemaModel();
    seedSchemaFromDdl(schema, relevantCatalog(facts, texts));
    const byId = new Map(rules.map((r) => [r.id, r]));
    return {
        start: { schema, adjust: rankByCost(facts, byId, options) },
        finish(result) {
            const first = result.files[0];
            if (first === undefined)
                return result;
            return { ...result, findings: [...driftFindings(schema, facts, first), ...result.findings] };
        },
    };
}
