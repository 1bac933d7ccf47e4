import type { Node } from '@pgsql/types';
import { nodeAs } from '../sql/ast.js';
import { type SchemaModel } from './schema.js';
export declare function dropObjects(schema: SchemaModel, removeType: string, objects: Node[]): void;
export declare function renameObject(schema: SchemaModel, rename: NonNullable<ReturnType<typeof nodeAs<'RenameStmt'>>>): void;
/** RENAME TO and SET SCHEMA: the table (or view) and its indexes move; references follow. */
export declare function moveRelation(schema: SchemaModel, from: string, to: string): void;
export declare function alterEnumValues(schema: SchemaModel, stmt: NonNullable<ReturnType<typeof nodeAs<'AlterEnumStmt'>>>): void;
/** CREATE SEQUENCE (a relation made in this file) and REFRESH MATERIALIZED VIEW (populated or emptied). */
export declare function replaySequenceOrRefresh(schema: SchemaModel, node: Node): boolean;
