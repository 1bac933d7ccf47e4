import type { Node } from '@pgsql/types';
import { type SchemaModel } from './schema.js';
/** Applies one statement's effect on tables, columns, indexes, constraints, views, enums, domains and functions. */
export declare function replayStatement(schema: SchemaModel, node: Node): void;
