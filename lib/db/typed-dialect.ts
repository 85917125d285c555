/**
 * The dialect this compilation checks lib/db against. `tsc --noEmit` checks SQLite (this file);
 * `tsc --noEmit -p tsconfig.postgres.json` maps this module to typed-dialect.postgres.ts and checks the same code
 * against PostgreSQL's query builder. A type only: nothing imports it at run time.
 */
export type TypedDialect = "sqlite";
