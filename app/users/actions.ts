"use server";

import { formInput } from "@/lib/http/form-input";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  credentialsSchema,
  emailField,
  firstErrorPerField,
  newPasswordSchema,
  type AddUserState,
} from "@/lib/auth/credentials";
import { audit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/session";
import { createUserWithPassword, updateAccount } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findAccount, listAccounts } from "@/lib/db/account-queries";
import { USER_ROLES } from "@/lib/db/schema";

const addUserSchema = credentialsSchema.extend({
  email: emailField("Enter the new user's email address"),
  password: newPasswordSchema,
  role: z.enum(USER_ROLES),
});

/** Every action here is for admins only, checked in the action itself: actions are public endpoints. */
async function adminOrNull() {
  const user = await currentUser();
  return user?.role === "admin" ? user : null;
}

export async function addUserAction(_previous: AddUserState, input: FormData): Promise<AddUserState> {
  const form = formInput(input);
  const admin = await adminOrNull();
  if (!admin) return { message: "Only an admin can add users." };
  const parsed = addUserSchema.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    role: form.get("role"),
  });
  if (!parsed.success) {
    const fieldErrors = firstErrorPerField<"email" | "password" | "role">(parsed.error);
    return { fieldErrors, email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  }
  const email = parsed.data.email.toLowerCase();
  if ((await listAccounts(await getDb())).some((account) => account.email === email)) {
    return {
      fieldErrors: { email: "An account with this email exists already" },
      email,
      role: parsed.data.role,
    };
  }
  await createUserWithPassword({
    email,
    password: parsed.data.password,
    name: email.split("@")[0] ?? email,
    role: parsed.data.role,
  });
  await audit("user-added", admin, { email, role: parsed.data.role });
  revalidatePath("/users");
  return { added: email };
}

const changeSchema = z.object({
  userId: z.string().min(1),
  change: z.enum(["make-admin", "make-agent", "deactivate", "reactivate"]),
});

export async function changeUserAction(input: FormData): Promise<void> {
  const form = formInput(input);
  const admin = await adminOrNull();
  const parsed = changeSchema.safeParse({ userId: form.get("userId"), change: form.get("change") });
  // An admin never demotes or deactivates themselves: there must always be a way back in.
  if (!admin || !parsed.success || parsed.data.userId === admin.id) return;
  const { userId, change } = parsed.data;
  const before = await findAccount(await getDb(), { id: userId });
  if (!before) return;
  const role = before.role === "admin" ? "admin" : "agent";
  if (change === "make-admin" || change === "make-agent") {
    const to = change === "make-admin" ? "admin" : "agent";
    await updateAccount(userId, { role: to });
    if (to !== role) await audit("user-role-changed", admin, { email: before.email, from: role, to });
  } else {
    const active = change === "reactivate";
    await updateAccount(userId, { active });
    if (active === Boolean(before.banned)) {
      await audit(active ? "user-reactivated" : "user-deactivated", admin, { email: before.email });
    }
  }
  revalidatePath("/users");
}
