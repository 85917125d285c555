/** The dialect of the PostgreSQL type check (tsconfig.postgres.json); see typed-dialect.ts. */
export type TypedDialect = "postgres";
