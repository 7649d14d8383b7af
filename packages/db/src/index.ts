/**
 * The database's root face: opening a connection, its types, the live-event bus and the test of
 * a lost connection. Everything else has its own face, which names what a file depends on:
 * `@tribune/db/repos/<table>` (one per repository), `@tribune/db/schema` (the tables),
 * `@tribune/db/backup`, `@tribune/db/seed`, `@tribune/db/testing`, `@tribune/db/pglite-durable`.
 */
export * from "./client";
export * from "./events";
export { DataDirInUseError } from "./lock";
export { isDatabaseUnavailable } from "./unavailable";
