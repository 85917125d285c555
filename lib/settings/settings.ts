import "server-only";
import { isCallbellError } from "@/lib/callbell";
import {
  createLiveClientFor,
  forgetCallbellConnection,
  getCallbellConnection,
  settingsSecret,
} from "./callbell-connection";
import type { AccountIdentity } from "@/lib/callbell/types";
import { getDb } from "@/lib/db/client";
import { writeSettings } from "@/lib/db/settings-queries";
import { SETTING_KEYS, type ConnectionState, type Mode } from "./connection-state";
import { maskToken, sealToken } from "./token-crypto";

export type TokenCheck =
  | { ok: true; account: AccountIdentity }
  /** `refused`: Callbell said no to the token (401/403); otherwise Callbell could not be asked, or failed. */
  | { ok: false; message: string; refused: boolean };

/** Asks Callbell who this token belongs to (`GET /auth/me`), against the live API whatever the current mode. */
export async function checkCallbellToken(token: string): Promise<TokenCheck> {
  try {
    return { ok: true, account: await createLiveClientFor(token).getMe() };
  } catch (error) {
    if (isCallbellError(error) && (error.status === 401 || error.status === 403)) {
      return { ok: false, message: error.message, refused: true };
    }
    return {
      ok: false,
      refused: false,
      message: `The token could not be checked: ${error instanceof Error ? error.message : "unknown error"}`,
    };
  }
}

/** Checks the token again (what was checked in the browser may not be what is saved), then stores it sealed. */
export async function saveCallbellToken(token: string, savedBy: string): Promise<TokenCheck> {
  const check = await checkCallbellToken(token);
  if (!check.ok) return check;
  await writeSettings(
    await getDb(),
    {
      [SETTING_KEYS.token]: sealToken(token, settingsSecret()),
      [SETTING_KEYS.account]: check.account.email || check.account.name || "unknown account",
    },
    savedBy,
  );
  forgetCallbellConnection();
  return check;
}

/**
 * Removes the stored token. If Bellhop was live on it, it goes back to the sandbox in the same change, and the page
 * says so: staying live with no token would refuse every send.
 */
export async function removeCallbellToken(
  removedBy: string,
): Promise<{ switchedToSandbox: boolean; account: string | null }> {
  const { state } = await getCallbellConnection();
  const switchedToSandbox = state.mode === "live" && state.tokenSource !== "environment";
  await writeSettings(
    await getDb(),
    {
      [SETTING_KEYS.token]: null,
      [SETTING_KEYS.account]: null,
      ...(switchedToSandbox ? { [SETTING_KEYS.mode]: "sandbox" } : {}),
    },
    removedBy,
  );
  forgetCallbellConnection();
  return { switchedToSandbox, account: state.account };
}

/** The explicit switch. Live needs a token, from the environment or stored. */
export async function chooseMode(
  mode: Mode,
  chosenBy: string,
): Promise<{ ok: true; from: Mode } | { ok: false; message: string }> {
  const { state } = await getCallbellConnection();
  if (mode === "live" && !state.token) {
    return { ok: false, message: "Save a Callbell token first: live mode sends with it." };
  }
  await writeSettings(await getDb(), { [SETTING_KEYS.mode]: mode }, chosenBy);
  forgetCallbellConnection();
  return { ok: true, from: state.mode };
}

/** What a page may show of the connection: never the token, at most its last 4 characters. */
export type ConnectionView = {
  mode: Mode;
  modeChosen: boolean;
  tokenSource: ConnectionState["tokenSource"];
  maskedToken: string | null;
  account: string | null;
  storedTokenUnreadable: boolean;
  savedAt: string | null;
  savedBy: string | null;
};

export function describeConnection(state: ConnectionState): ConnectionView {
  return {
    mode: state.mode,
    modeChosen: state.modeChosen,
    tokenSource: state.tokenSource,
    maskedToken: state.token ? maskToken(state.token) : null,
    account: state.account,
    storedTokenUnreadable: state.storedTokenUnreadable,
    savedAt: state.storedToken?.savedAt.toISOString() ?? null,
    savedBy: state.storedToken?.savedBy ?? null,
  };
}

export async function currentConnectionView(): Promise<ConnectionView> {
  return describeConnection((await getCallbellConnection()).state);
}
