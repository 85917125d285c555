import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { getDb, type Database } from "@/lib/db/client";
import { authDatabase } from "@/lib/db/auth-adapter";
import { getEnv } from "@/lib/env";
import { MIN_PASSWORD_LENGTH } from "./credentials";
import { loadOrCreateSecret } from "./secret";
import { processSingleton } from "@/lib/process/state";

/** A session lasts a week and is extended (to a week from then) on the first request after a day. In seconds. */
export const SESSION_CONFIG = { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 };

/** Better Auth on `db`; exported for the tests, which give their own database, secret and address. */
export function createAuth(db: Database, options: { secret: string; baseURL: string }) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.baseURL,
    database: authDatabase(db),
    // Admins create accounts; nobody signs up. Passwords are hashed with scrypt (memory-hard).
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: SESSION_CONFIG,
    advanced: { useSecureCookies: options.baseURL.startsWith("https:") },
    // Sign-ins go through server actions, which throttle per account and per address themselves.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [admin({ defaultRole: "agent", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The process's Better Auth instance, on the process's database. */
export function getAuth(): Promise<Auth> {
  return processSingleton("auth", () =>
    getDb().then((db) => {
      const env = getEnv();
      return createAuth(db, {
        secret: loadOrCreateSecret(env.BELLHOP_SECRET, env.dataDir),
        baseURL: env.BELLHOP_URL ?? `http://localhost:${env.PORT ?? 3000}`,
      });
    }),
  );
}
