import type { Command } from 'commander';
import type { Rule } from '../../lint/types.js';
export declare function registerRules(program: Command): void;
/** The rule list in one of the `rules` command's formats. */
export declare function renderRuleList(rules: readonly Rule[], format: string): string;
/** docs/rules-catalog.md: the README's rule table, linking each rule's page. */
export declare function rulesCatalog(rules: readonly Rule[]): string;
/** The PostgreSQL versions a rule applies to, in words. */
export declare function pgVersions(rule: Rule): string;
/** docs/pg-versions.md's table of version facts, from src/analysis/pg-features.ts (the rules read the same). */
export declare function pgFeaturesTable(rules: readonly Rule[]): string;
/** From which major the safe alternative works, in words (the rule's own gate, or the feature it needs). */
export declare function adviceFrom(rule: Rule): string;
/** docs/rules/<id>.md: one rule's page, generated from its metadata so the two cannot disagree. */
export declare function ruleDocPage(rule: Rule): string;
