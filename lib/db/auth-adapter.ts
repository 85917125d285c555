import "server-only";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Database } from "./client";
import { DIALECT } from "./dialect";
import { account, session, user, verification } from "./schema";

/** Better Auth's storage: its four tables in Bellhop's database, in that database's dialect. */
export function authDatabase(db: Database) {
  return drizzleAdapter(db, {
    provider: DIALECT === "postgres" ? "pg" : "sqlite",
    schema: { user, session, account, verification },
  });
}
