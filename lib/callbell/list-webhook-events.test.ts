import { describe, expect, it } from "vitest";
import { createCallbellClient } from "./client";

/** A client whose fetch answers `answers` in turn and records every URL asked. */
function clientAnswering(...answers: Response[]) {
  const urls: string[] = [];
  const instance = createCallbellClient({
    baseUrl: "https://api.example/v1",
    token: "secret",
    timeoutMs: 1000,
    sleep: async () => {},
    fetch: async (url: string) => {
      urls.push(url);
      const answer = answers.shift();
      if (!answer) throw new Error("no more answers");
      return answer;
    },
  });
  return { instance, urls };
}

// The documented example of GET /webhooks/events (webhooks_api/events.md), with a failure added.
const documented = {
  webhook_events: [
    {
      event: "message_created",
      payload: { text: "Hello", contact: { phoneNumber: "331122334455" } },
      response: { body: {}, code: 200, headers: {} },
      success: true,
      createdAt: "2022-11-08T15:41:49Z",
    },
    {
      event: "message_status_updated",
      payload: "message_object",
      response: { body: "Bad gateway", code: "502", headers: {} },
      success: false,
      createdAt: "2022-11-08T14:52:31Z",
    },
    {
      event: "contact_created",
      payload: {},
      response: {},
      success: false,
      createdAt: "2022-11-08T14:51:51Z",
    },
  ],
  meta: { page: 1, pages: 2 },
};

describe("the Callbell client's webhook delivery log", () => {
  it("reads the documented answer into events without their payloads, and the page count", async () => {
    const { instance, urls } = clientAnswering(Response.json(documented));
    const page = await instance.listWebhookEvents();
    expect(page).toEqual({
      events: [
        { event: "message_created", success: true, code: 200, createdAt: "2022-11-08T15:41:49Z" },
        { event: "message_status_updated", success: false, code: 502, createdAt: "2022-11-08T14:52:31Z" },
        { event: "contact_created", success: false, code: null, createdAt: "2022-11-08T14:51:51Z" },
      ],
      pages: 2,
    });
    expect(JSON.stringify(page)).not.toContain("331122334455");
    expect(urls).toEqual(["https://api.example/v1/webhooks/events"]);
  });

  it("asks with the status, page and items given", async () => {
    const { instance, urls } = clientAnswering(
      Response.json({ webhook_events: [], meta: { page: 3, pages: 3 } }),
    );
    expect(await instance.listWebhookEvents({ status: "failed", page: 3, items: 10 })).toEqual({
      events: [],
      pages: 3,
    });
    expect(urls).toEqual(["https://api.example/v1/webhooks/events?status=failed&page=3&items=10"]);
  });

  it("takes an answer without meta or list as one empty page", async () => {
    const { instance } = clientAnswering(Response.json({}));
    expect(await instance.listWebhookEvents({ status: "success" })).toEqual({ events: [], pages: 1 });
  });

  it("fails with Callbell's own message when Callbell refuses", async () => {
    const { instance } = clientAnswering(Response.json({ error: "Webhook not found" }, { status: 404 }));
    await expect(instance.listWebhookEvents()).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("Webhook not found"),
    });
  });
});
