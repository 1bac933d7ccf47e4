import { z } from 'zod';

// zod 3 (0.7 MB installed, against zod 4's 6.1 MB: issue 13's 15 MB production install) words its default
// messages differently from zod 4, in which pgwarden's configuration errors were first written and are
// documented. This error map keeps zod 4's wording; a message a schema spells out itself still wins.

/** The type name zod 4 prints: `int` rather than zod 3's `integer`, `number` for a fraction. */
function typeName(type: string): string {
  if (type === 'integer') return 'int';
  if (type === 'float') return 'number';
  return type;
}

const sizeUnits: Record<string, string> = { string: 'characters', array: 'items', set: 'items' };

function bound(kind: 'small' | 'big', type: string, limit: number | bigint, inclusive: boolean, exact: boolean | undefined): string {
  const adjective = exact ? 'exactly ' : kind === 'small' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  const unit = sizeUnits[type];
  const head = `Too ${kind}: expected ${type}`;
  return unit ? `${head} to have ${adjective}${String(limit)} ${unit}` : `${head} to be ${adjective}${String(limit)}`;
}

/** zod 4's English messages for the issues pgwarden's schemas can raise. */
export const zod4Messages: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      return { message: `Invalid input: expected ${typeName(issue.expected)}, received ${typeName(issue.received)}` };
    case 'invalid_literal':
      return { message: `Invalid input: expected ${JSON.stringify(issue.expected)}` };
    case 'invalid_enum_value':
      return { message: `Invalid option: expected one of ${issue.options.map((o) => JSON.stringify(o)).join('|')}` };
    case 'too_small':
      return { message: bound('small', issue.type, issue.minimum, issue.inclusive, issue.exact) };
    case 'too_big':
      return { message: bound('big', issue.type, issue.maximum, issue.inclusive, issue.exact) };
    case 'invalid_string':
      return { message: issue.validation === 'regex' ? 'Invalid string: must match pattern' : `Invalid ${String(issue.validation)}` };
    case 'not_multiple_of':
      return { message: `Invalid number: must be a multiple of ${String(issue.multipleOf)}` };
    case 'unrecognized_keys':
      return { message: `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` };
    case 'invalid_union':
      return { message: 'Invalid input' };
    default:
      return { message: ctx.defaultError };
  }
};
