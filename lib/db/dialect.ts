import { getEnv } from "@/lib/env";
import { dialectOf, type Dialect } from "./dialect-of";

export { dialectOf, type Dialect };

/** The dialect of this process's database, from the validated configuration (DATABASE_URL): read once, at start. */
export const DIALECT: Dialect = getEnv().dialect;
