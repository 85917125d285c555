import { describe, expect, it } from "vitest";
import { resolveConnection, SETTING_KEYS, type StoredSettings } from "./connection-state";
import { sealToken } from "./token-crypto";

const secret = "a-server-secret-of-at-least-32-characters";
const at = new Date("2026-11-22T10:00:00Z");
const setting = (value: string) => ({ value, updatedAt: at, updatedBy: "admin@bellhop.test" });
const storedToken = (token: string): StoredSettings => ({
  [SETTING_KEYS.token]: setting(sealToken(token, secret)),
  [SETTING_KEYS.account]: setting("owner@shop.example"),
});

describe("resolveConnection", () => {
  it("is the sandbox when nothing is configured", () => {
    expect(resolveConnection(undefined, {}, secret)).toMatchObject({
      mode: "sandbox",
      modeChosen: false,
      token: null,
      tokenSource: null,
    });
  });

  it("is live with a token in the environment, as before settings existed", () => {
    expect(resolveConnection("env-token", {}, secret)).toMatchObject({
      mode: "live",
      token: "env-token",
      tokenSource: "environment",
    });
  });

  it("lets the environment's token win over a stored one", () => {
    const state = resolveConnection("env-token", storedToken("stored-token-1234"), secret);
    expect(state).toMatchObject({ token: "env-token", tokenSource: "environment", account: null });
  });

  it("does not go live just because a token was saved: switching is the admin's explicit choice", () => {
    const state = resolveConnection(undefined, storedToken("stored-token-1234"), secret);
    expect(state).toMatchObject({ mode: "sandbox", token: "stored-token-1234", tokenSource: "settings" });
    expect(state.storedToken).toEqual({ last4: "1234", savedAt: at, savedBy: "admin@bellhop.test" });
    expect(state.account).toBe("owner@shop.example");
    const live = resolveConnection(
      undefined,
      { ...storedToken("stored-token-1234"), [SETTING_KEYS.mode]: setting("live") },
      secret,
    );
    expect(live).toMatchObject({ mode: "live", modeChosen: true, token: "stored-token-1234" });
  });

  it("honours a chosen sandbox even with a token in the environment", () => {
    expect(resolveConnection("env-token", { [SETTING_KEYS.mode]: setting("sandbox") }, secret)).toMatchObject(
      {
        mode: "sandbox",
        modeChosen: true,
      },
    );
  });

  it("stays live, without a token, when the stored one cannot be opened (a changed secret)", () => {
    const state = resolveConnection(
      undefined,
      { ...storedToken("stored-token-1234"), [SETTING_KEYS.mode]: setting("live") },
      "another-secret-of-at-least-32-characters!",
    );
    expect(state).toMatchObject({
      mode: "live",
      token: null,
      storedTokenUnreadable: true,
      storedToken: null,
    });
  });

  it("ignores a mode value it does not know", () => {
    expect(resolveConnection(undefined, { [SETTING_KEYS.mode]: setting("staging") }, secret)).toMatchObject({
      mode: "sandbox",
      modeChosen: false,
    });
  });
});
