export { fixFile, FIXABLE_RULES, DEFAULT_FIX_LOCK_TIMEOUT } from './fix-file.js';
export { NotFixable } from './statements.js';
export { unifiedDiff } from './diff.js';
