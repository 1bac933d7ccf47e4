import type { Rule } from '../src/lint/types.js';
import { banDropTable } from './ban-drop-table.js';

/** Every rule pgwarden knows, in documentation order. */
export const allRules: readonly Rule[] = [banDropTable];
