import { UserError } from './errors.js';
import { rankOptionsFor, readFactsAt } from './live-facts.js';
/**
 * The live costs `migrate plan` shows beside each lock. When the facts cannot be read (a role without
 * access to the catalog…) the plan is still printed, without them, and a warning says why.
 */
export async function planCosts(databaseUrl, calibration) {
    const [{ lockCost, describeLockCost }, { throughput }] = await Promise.all([import('../live/plan-costs.js'), rankOptionsFor({ calibration }, {})]);
    try {
        // sizes and activity only: the plan's model is the runner's own (no catalog statements needed)
        const facts = await readFactsAt(databaseUrl, 'pgwarden migrate plan', []);
        return {
            text: (lock) => {
                const cost = lockCost(lock, facts, throughput);
                return cost && describeLockCost(lock, cost);
            },
            json: (lock) => lockCost(lock, facts, throughput),
        };
    }
    catch (error) {
        if (!(error instanceof UserError))
            throw error;
        process.stderr.write(`pgwarden: warning: no table sizes in the plan: ${error.message}\n`);
        return { text: () => undefined, json: () => undefined };
    }
}
