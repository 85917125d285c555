/**
 * Which database a DATABASE_URL names. A process uses one database, chosen at start; only lib/db (and the
 * configuration's own checks) look at the dialect.
 */
export type Dialect = "sqlite" | "postgres";

export const dialectOf = (url: string | undefined): Dialect =>
  url && /^postgres(ql)?:\/\//.test(url.trim()) ? "postgres" : "sqlite";
