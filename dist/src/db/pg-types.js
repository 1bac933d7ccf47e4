// The part of node-postgres that pgwarden's exported signatures name, as structural types of its own:
// the published declarations then compile in a project without @types/pg (or @types/node, which it
// pulls in). pg's Client, PoolClient and Pool fit them; inside pgwarden they are still pg's objects.
export {};
