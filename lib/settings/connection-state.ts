import { openToken } from "./token-crypto";

export const MODES = ["sandbox", "live"] as const;
export type Mode = (typeof MODES)[number];

/** The setting keys Bellhop stores; the token only ever sealed. */
export const SETTING_KEYS = {
  mode: "mode",
  token: "callbell_token_sealed",
  account: "callbell_account",
} as const;

export type StoredSetting = { value: string; updatedAt: Date; updatedBy: string | null };
export type StoredSettings = Partial<Record<string, StoredSetting>>;

/**
 * Which Callbell Bellhop talks to and with which token. `token` is for the server's client only: nothing that
 * reaches a browser may carry it (the page gets `describeConnection`'s view instead).
 */
export type ConnectionState = {
  mode: Mode;
  /** Whether an admin chose the mode, or it follows from the environment (a token there means live). */
  modeChosen: boolean;
  token: string | null;
  tokenSource: "environment" | "settings" | null;
  /** A token is stored but cannot be opened with this server's secret (it changed, or the value was altered). */
  storedTokenUnreadable: boolean;
  storedToken: { last4: string; savedAt: Date; savedBy: string | null } | null;
  /** The Callbell account the stored token belongs to, as `GET /auth/me` said when it was saved. */
  account: string | null;
};

/**
 * One rule for the whole process. A token in the environment wins over a stored one. The mode is the admin's choice
 * when they made one; otherwise live exactly when the environment has a token, so a deployment configured by
 * environment alone behaves as before settings existed. Live without a usable token stays live (and every call is
 * refused with a sentence saying why): falling back to the sandbox would look like sending while nothing goes out.
 */
export function resolveConnection(
  envToken: string | undefined,
  stored: StoredSettings,
  secret: string,
): ConnectionState {
  const sealed = stored[SETTING_KEYS.token];
  const opened = sealed ? openToken(sealed.value, secret) : null;
  const chosen = stored[SETTING_KEYS.mode]?.value;
  const modeChosen = chosen === "sandbox" || chosen === "live";
  const token = envToken ?? opened;
  return {
    mode: modeChosen ? (chosen as Mode) : envToken ? "live" : "sandbox",
    modeChosen,
    token,
    tokenSource: envToken ? "environment" : opened ? "settings" : null,
    storedTokenUnreadable: Boolean(sealed) && opened === null,
    storedToken:
      sealed && opened
        ? { last4: opened.slice(-4), savedAt: sealed.updatedAt, savedBy: sealed.updatedBy }
        : null,
    account: envToken ? null : (stored[SETTING_KEYS.account]?.value ?? null),
  };
}
