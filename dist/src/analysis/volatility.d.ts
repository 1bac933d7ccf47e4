import type { Node } from '@pgsql/types';
/**
 * How PostgreSQL would classify an expression: `volatile` is re-evaluated per row (so ADD COLUMN with it
 * rewrites the table), `stable`/`immutable` once per statement. `unknown` when a function is not on our
 * lists: we say so instead of guessing.
 */
export type Volatility = 'immutable' | 'stable' | 'volatile' | 'unknown';
export interface VolatilityVerdict {
    volatility: Volatility;
    /** The function that decided it (a volatile one, or the first one we could not classify). */
    function?: string;
}
/** Least to most volatile; "unknown" sits below volatile so that a known volatile call decides. */
export declare const VOLATILITY_RANK: Readonly<Record<Volatility, number>>;
/**
 * Classifies a default (or any) expression; the most volatile part wins. `declared` holds functions the
 * migrations created (bare and qualified name → their declared volatility); they count before the lists.
 */
export declare function expressionVolatility(expr: Node | undefined, declared?: ReadonlyMap<string, Volatility>): VolatilityVerdict;
/** Serial pseudo-types: the column gets `DEFAULT nextval(…)`, which is volatile. */
export declare function isSerialType(type: string): boolean;
/** The type a serial pseudo-type stands for (`bigserial` → `int8`). */
export declare function serialBaseType(type: string): string;
