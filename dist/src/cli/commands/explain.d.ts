import type { Command } from 'commander';
import type { Rule } from '../../lint/types.js';
import { closestId } from '../../lint/suggest.js';
export { closestId };
export declare function registerExplain(program: Command): void;
/** The rule with this id; a UserError suggesting the closest id otherwise. */
export declare function findRule(rules: readonly Rule[], id: string): Rule;
/** The terminal form of a rule's documentation. */
export declare function explainText(rule: Rule): string;
