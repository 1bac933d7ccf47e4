import type { Command } from 'commander';
import type { Rule } from '../../lint/types.js';
export declare function registerExplain(program: Command): void;
/** The rule with this id; a UserError suggesting the closest id otherwise. */
export declare function findRule(rules: readonly Rule[], id: string): Rule;
/** The id with the smallest edit distance to `wanted`, if it is close enough to be a plausible typo. */
export declare function closestId(ids: readonly string[], wanted: string): string | undefined;
/** The terminal form of a rule's documentation. */
export declare function explainText(rule: Rule): string;
