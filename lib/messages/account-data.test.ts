import { beforeEach, describe, expect, it } from "vitest";
import { CallbellError } from "@/lib/callbell/errors";
import { processSlot } from "@/lib/process/state";
import { loadComposeAccountData, refreshTemplates } from "./account-data";

const unavailable = () =>
  Promise.reject(new CallbellError({ kind: "http", status: 503, message: "Callbell had an internal error" }));

function useClient(overrides: Record<string, (...args: never[]) => Promise<unknown>>) {
  const client = {
    listTemplates: async () => [],
    listChannels: async (type: string) => [{ uuid: `${type}-1`, title: "Main", type, main: true }],
    listTeams: async () => [{ uuid: "t1", name: "Support", default: true }],
    listTeamMembers: async () => [{ email: "ana@example.com", name: "Ana", available: true }],
    ...overrides,
  };
  // The process's connection, as `getCallbellConnection` keeps it, so no database or settings are read.
  processSlot("callbell:connection").set({
    connection: { client, key: "test", state: { mode: "live" } },
    expires: Number.POSITIVE_INFINITY,
  });
}

describe("the compose form's account data", () => {
  beforeEach(() => {
    processSlot("ttl-cache:account-data").set(undefined);
  });

  it("loads templates, each platform's channels, teams and their members", async () => {
    useClient({});
    const data = await loadComposeAccountData();
    expect(data.channels.whatsapp).toEqual({
      ok: true,
      channels: [{ uuid: "whatsapp-1", title: "Main", type: "whatsapp", main: true }],
    });
    expect(data.channels.facebook).toMatchObject({ ok: true, channels: [{ uuid: "facebook-1" }] });
    expect(data.members).toEqual([{ teamUuid: "t1", email: "ana@example.com", name: "Ana" }]);
  });

  it("says why a platform's channels are missing and keeps the rest when they cannot be loaded", async () => {
    useClient({
      listChannels: async (type: string) =>
        type === "instagram" ? unavailable() : [{ uuid: `${type}-1`, title: "Main", type, main: true }],
    });
    const data = await loadComposeAccountData();
    expect(data.channels.instagram).toEqual({ ok: false, error: "Callbell had an internal error" });
    expect(data.channels.whatsapp.ok).toBe(true);
    expect(data.templates).toEqual([]);
  });

  it("does not keep a failure: the next load asks Callbell again", async () => {
    useClient({ listTemplates: unavailable });
    expect((await loadComposeAccountData()).templates).toBeNull();
    useClient({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await loadComposeAccountData()).templates).toEqual([]);
  });

  it("keeps templates for a few minutes, and Refresh templates reads them again at once", async () => {
    let reads = 0;
    const template = (title: string) => ({
      uuid: title,
      title,
      text: "",
      templateType: "text",
      category: "",
      status: "approved",
    });
    useClient({ listTemplates: async () => [template(`read ${++reads}`)] });
    const first = await loadComposeAccountData();
    expect((await loadComposeAccountData()).templates).toEqual(first.templates);
    expect(reads).toBe(1);
    const refreshed = await refreshTemplates();
    expect(reads).toBe(2);
    expect(refreshed.templates[0]?.title).toBe("read 2");
    expect(Date.parse(refreshed.loadedAt)).toBeGreaterThanOrEqual(Date.parse(first.templatesLoadedAt!));
    expect((await loadComposeAccountData()).templates).toEqual(refreshed.templates);
  });
});
