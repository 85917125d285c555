import "server-only";
import type { UserRole } from "@/lib/db/schema";
import { getDb } from "@/lib/db/client";
import { countUsers } from "@/lib/db/account-queries";
import { getAuth } from "./auth";

/** Creates an account with a password, without opening sign-up to anyone. */
export async function createUserWithPassword(input: {
  email: string;
  password: string;
  name: string;
  role: UserRole;
}) {
  const auth = await getAuth();
  const context = await auth.$context;
  const created = await context.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, role: input.role, emailVerified: true },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: await context.password.hash(input.password),
  });
  return created;
}

/** The first admin, only while no account exists; null when someone got there first. */
export async function createFirstAdmin(
  email: string,
  password: string,
): Promise<{ id: string; email: string } | null> {
  const db = await getDb();
  if ((await countUsers(db)) > 0) return null;
  return createUserWithPassword({ email, password, name: email.split("@")[0] ?? "Admin", role: "admin" });
}

/** An admin's change to another account: its role, or whether it may sign in. Deactivating ends its sessions. */
export async function updateAccount(
  userId: string,
  change: { role: UserRole } | { active: boolean },
): Promise<void> {
  const context = await (await getAuth()).$context;
  if ("role" in change) {
    await context.internalAdapter.updateUser(userId, { role: change.role, updatedAt: new Date() });
    return;
  }
  await context.internalAdapter.updateUser(userId, {
    banned: !change.active,
    banReason: change.active ? null : "Deactivated by an admin",
    updatedAt: new Date(),
  });
  if (!change.active) await context.internalAdapter.deleteUserSessions(userId);
}
