/** Accounts and sessions, as Bellhop reads them (Better Auth writes them through its adapter). */
import "server-only";
import { count, eq } from "drizzle-orm";
import type { Database } from "./client";
import { session, user } from "./schema";

export type SessionUserRow = Pick<typeof user.$inferSelect, "email" | "name" | "role" | "banned"> & {
  userId: string;
  expiresAt: Date;
};

/** The session with this token and its account, in one read (the check every request makes). */
export async function findSessionUser(db: Database, token: string): Promise<SessionUserRow | undefined> {
  const [row] = await db
    .select({
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      banned: user.banned,
      expiresAt: session.expiresAt,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, token))
    .limit(1);
  return row;
}

/** How many accounts exist: none means the one-time setup is open. */
export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(user);
  return row?.value ?? 0;
}

export type AccountRow = Pick<
  typeof user.$inferSelect,
  "id" | "email" | "name" | "role" | "banned" | "createdAt"
>;

const accountColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
};

/** Every account, oldest first, for the admins' user list. */
export async function listAccounts(db: Database): Promise<AccountRow[]> {
  return db.select(accountColumns).from(user).orderBy(user.createdAt);
}

/** One account by its id or by its (lower-cased) email, as the admins' list shows it. */
export async function findAccount(
  db: Database,
  by: { id: string } | { email: string },
): Promise<AccountRow | undefined> {
  const [row] = await db
    .select(accountColumns)
    .from(user)
    .where("id" in by ? eq(user.id, by.id) : eq(user.email, by.email.trim().toLowerCase()))
    .limit(1);
  return row;
}
