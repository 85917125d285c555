"use server";

import { formInput } from "@/lib/http/form-input";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { audit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/session";
import { MODES } from "@/lib/settings/connection-state";
import {
  chooseMode,
  checkCallbellToken,
  removeCallbellToken,
  saveCallbellToken,
} from "@/lib/settings/settings";
import { maskToken } from "@/lib/settings/token-crypto";
import { tokenSchema, type ModeFormState, type TokenFormState } from "@/lib/settings/token-input";

const ADMINS_ONLY = "Only an admin can change Bellhop's settings.";

/** Every action here is for admins only, checked in the action itself: actions are public endpoints. */
async function adminOrNull() {
  const user = await currentUser();
  return user?.role === "admin" ? user : null;
}

/** `Check token` and `Save token`: both ask Callbell who the token belongs to; only Save stores it. */
export async function tokenAction(_previous: TokenFormState, input: FormData): Promise<TokenFormState> {
  const form = formInput(input);
  const admin = await adminOrNull();
  if (!admin) return { message: ADMINS_ONLY };
  const parsed = tokenSchema.safeParse(form.get("token"));
  if (!parsed.success) return { fieldError: parsed.error.issues[0]?.message };
  const token = parsed.data;
  const save = form.get("intent") === "save";
  const check = save ? await saveCallbellToken(token, admin.email) : await checkCallbellToken(token);
  // The trail names the account Callbell said the token belongs to, never the token (nor its last characters).
  if (!check.ok) {
    // Refused by Callbell, or not checked at all (Callbell unreachable): the trail says which, as the page does.
    await audit("token-checked", admin, {
      accepted: false,
      ...(check.refused ? {} : { unchecked: true }),
      ...(save ? { via: "save" } : {}),
    });
    return { fieldError: check.message };
  }
  const { email, name } = check.account;
  const account = email || name || "unknown account";
  if (!save) {
    await audit("token-checked", admin, { accepted: true, account });
    return { checked: { email, name, masked: maskToken(token) } };
  }
  await audit("token-saved", admin, { account });
  revalidatePath("/", "layout");
  return { saved: { email, masked: maskToken(token) } };
}

const connectionSchema = z.enum([...MODES, "remove-token"]);

/** `Switch to live`, `Switch to sandbox` and `Remove token`: one action, so the page shows only the latest answer. */
export async function connectionAction(_previous: ModeFormState, input: FormData): Promise<ModeFormState> {
  const form = formInput(input);
  const admin = await adminOrNull();
  if (!admin) return { message: ADMINS_ONLY };
  const intent = connectionSchema.safeParse(form.get("intent"));
  if (!intent.success) return { message: "Choose sandbox or live, or remove the token." };
  if (intent.data === "remove-token") {
    const { switchedToSandbox, account } = await removeCallbellToken(admin.email);
    await audit("token-removed", admin, { account, switchedToSandbox });
    if (switchedToSandbox) {
      await audit("mode-switched", admin, { from: "live", to: "sandbox", because: "token-removed" });
    }
    revalidatePath("/", "layout");
    return {
      message: switchedToSandbox
        ? "The token is removed. Bellhop is back in sandbox mode: nothing is delivered until a token is saved and live mode is chosen."
        : "The token is removed.",
    };
  }
  const result = await chooseMode(intent.data, admin.email);
  if (!result.ok) return { message: result.message };
  await audit("mode-switched", admin, { from: result.from, to: intent.data });
  revalidatePath("/", "layout");
  return {
    message:
      intent.data === "live"
        ? "Bellhop is live: messages go to real customers through the Callbell account."
        : "Bellhop is in sandbox mode: messages go to the built-in simulator and are not delivered.",
  };
}
