import type { Node } from '@pgsql/types';
import { type Volatility } from './volatility.js';
/** Domain key (`public.email`) → names of its CHECK / NOT NULL constraints. */
export type DomainConstraints = Map<string, Set<string>>;
/** Function name, bare and qualified (`default_tenant`, `app.default_tenant`) → its volatility. */
export type FunctionVolatilities = Map<string, Volatility>;
/** Folds CREATE / ALTER / DROP DOMAIN and FUNCTION into the maps; other statements change nothing. */
export declare function replayDeclaredObjects(domains: DomainConstraints, functions: FunctionVolatilities, node: Node): void;
