/**
 * Which database a DATABASE_URL names. A process uses one database, chosen at start, so the dialect is read once;
 * only lib/db looks at it.
 */
export type Dialect = "sqlite" | "postgres";

export const dialectOf = (url: string | undefined): Dialect =>
  url && /^postgres(ql)?:\/\//.test(url.trim()) ? "postgres" : "sqlite";

export const DIALECT: Dialect = dialectOf(process.env.DATABASE_URL);
