import { getEnv } from "@/lib/env";
import type { TypedDialect } from "@/lib/db/typed-dialect";
import { dialectOf, type Dialect } from "./dialect-of";

export { dialectOf, type Dialect };

/** The dialect of this process's database, from the validated configuration (DATABASE_URL): read once, at start. */
export const DIALECT: Dialect = getEnv().dialect;

/**
 * Of a value per dialect, this process's, typed as the dialect the compiler is checking (typed-dialect.ts). lib/db is
 * checked once per dialect (`npm run typecheck`), so whichever runs, its value was checked with its own type.
 */
export function forDialect<T extends Record<Dialect, unknown>>(choices: T): T[TypedDialect] {
  return choices[DIALECT as TypedDialect];
}
