export { fixFile, FIXABLE_RULES, DEFAULT_FIX_LOCK_TIMEOUT, type FileChange, type FixNote, type FixOutcome, type FixOptions } from './fix-file.js';
export { NotFixable } from './statements.js';
export { unifiedDiff } from './diff.js';
