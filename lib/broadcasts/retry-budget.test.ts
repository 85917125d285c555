import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { SEND_MAX_ATTEMPTS } from "@/lib/callbell/retry-policy";
import { createBroadcast, findBroadcast, listRecipients } from "@/lib/db/broadcast-queries";
import { sends } from "@/lib/db/schema";
import { readAttemptLog } from "@/lib/messages/send-attempts";
import { testDatabase } from "@/lib/db/testing";
import { emptyComposeForm } from "@/lib/messages/compose-form";
import { sendComposedMessage, type SendDependencies } from "@/lib/messages/send-message";
import { createDispatcher, resumeBroadcast } from "./dispatcher";
import { sendRecipientWith } from "./send-recipient";
import { OUTAGE_NOTICE } from "./testing";

/**
 * How many requests reach Callbell for one send, for each way a send can fail, through the real layers: the client
 * against an HTTP stub, the send use-case, and (for a broadcast row) the dispatcher on a virtual clock.
 */

type Failure = "429" | "500" | "503" | "400" | "401" | "402" | "timeout" | "refused" | "ok";
const TIMEOUT_MS = 300;

let server: Server;
let stubUrl = "";
/** A port where nothing listens: every connection is refused. */
let closedUrl = "";
const requests = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    // The path's last segment names the failure this stub answers with: /<failure>/v1/messages/send.
    const failure = (request.url ?? "").split("/")[1] as Failure;
    requests.set(failure, (requests.get(failure) ?? 0) + 1);
    request.resume();
    if (failure === "timeout") {
      setTimeout(() => response.end(), TIMEOUT_MS * 3);
      return;
    }
    if (failure === "ok") {
      response.writeHead(200, { "Content-Type": "application/json" });
      const uuid = `ok${requests.get(failure)}`.padEnd(32, "0");
      response.end(JSON.stringify({ message: { uuid, status: "enqueued" } }));
      return;
    }
    const body =
      failure === "402" ? { code: "whatsapp_wallet_depleted_credit" } : { error: `failure ${failure}` };
    response.writeHead(Number(failure), { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const template = {
  uuid: "t1",
  title: "Outage",
  text: "Hello {{1}}",
  templateType: "text",
  category: "utility",
  status: "approved",
};

/** The send dependencies against the stub answering with `failure`; `attempts` counts every request the client made. */
async function dependencies(failure: Failure) {
  const counted = { attempts: 0 };
  const baseUrl = failure === "refused" ? `${closedUrl}/v1` : `${stubUrl}/${failure}/v1`;
  const deps: Omit<SendDependencies, "origin" | "retry" | "sender"> = {
    db: await testDatabase(),
    client: createCallbellClient({
      baseUrl,
      token: "t",
      timeoutMs: TIMEOUT_MS,
      fetch: (input, init) => {
        counted.attempts += 1;
        return fetch(input, init);
      },
      sleep: async () => {},
    }),
    loadTemplates: async () => [template],
    loadChannels: async (platform) => [{ uuid: "chan-1", title: "Main", type: platform, main: true }],
    waitForInFlightMs: 1_000,
  };
  return { deps, counted };
}

/** No answer, or an error of Callbell's own (5xx), after which the message may have gone out: the outcome is unknown. */
const mayHaveGone = (failure: Failure) => failure === "timeout" || failure === "500" || failure === "503";

/** The requests for one failure kind: those that reached the stub, or for a refused connection those tried. */
const reached = (failure: Failure, counted: { attempts: number }) =>
  failure === "refused" ? counted.attempts : (requests.get(failure) ?? 0);

const FAILURES: Failure[] = ["429", "500", "503", "400", "401", "402", "timeout", "refused"];
/** Refused for the whole account (the token, the wallet): a broadcast pauses rather than fail every row alike. */
const forTheAccount = (failure: Failure) => failure === "401" || failure === "402";

/** A dispatcher of `deps`'s sends on a virtual clock. */
function virtualDispatcher(deps: Omit<SendDependencies, "origin" | "retry" | "sender">) {
  let time = 1_000_000;
  return createDispatcher({
    db: async () => deps.db,
    send: sendRecipientWith(deps),
    now: () => time,
    sleep: async (ms) => {
      time += ms;
    },
  });
}

describe("the retry policy, counted at the stub", () => {
  it.each(FAILURES)(
    "a broadcast row that meets %s reaches Callbell at most as the policy says",
    async (failure) => {
      requests.delete(failure);
      const { deps, counted } = await dependencies(failure);
      const broadcast = await createBroadcast(deps.db, { ...OUTAGE_NOTICE, channelUuid: "chan-1" }, [
        { rowNumber: 1, phone: "+31612345678", values: JSON.stringify(["Ana"]), mediaUrl: null },
      ]);
      await virtualDispatcher(deps).ensure(broadcast.id);

      // Only a 429 and a refused connection surely delivered nothing: those go again, one request per attempt. A 401 or
      // a 402 would refuse every row alike: the broadcast pauses, and the row waits for Resume.
      const expected = failure === "429" || failure === "refused" ? SEND_MAX_ATTEMPTS : 1;
      expect(reached(failure, counted)).toBe(expected);
      const [row] = await listRecipients(deps.db, broadcast.id);
      const rowState = mayHaveGone(failure) ? "unknown" : forTheAccount(failure) ? "waiting" : "failed";
      expect(row).toMatchObject({ state: rowState, attempts: expected });
      const after = await findBroadcast(deps.db, broadcast.id);
      expect(after?.state).toBe(forTheAccount(failure) ? "paused" : "completed");
      expect(after?.stateNote ?? null).toEqual(
        forTheAccount(failure)
          ? expect.stringContaining(
              failure === "401" ? "API token (401). Check the token in Settings" : "(402)",
            )
          : null,
      );
      // One history entry for the recipient, whatever its attempts: the last one's outcome, the others in its log.
      const entries = await deps.db.select().from(sends);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        attempts: expected,
        status: failure === "refused" ? "not_sent" : mayHaveGone(failure) ? "unknown" : "rejected",
      });
      expect(readAttemptLog(entries[0]!.attemptLog).map((attempt) => attempt.status)).toEqual(
        Array(expected - 1).fill(failure === "refused" ? "not_sent" : "rejected"),
      );
    },
  );

  it.each(FAILURES)(
    "a send from Compose that meets %s is tried again at once only when nothing went",
    async (failure) => {
      requests.delete(failure);
      const { deps, counted } = await dependencies(failure);
      const result = await sendComposedMessage(
        {
          ...emptyComposeForm(`compose-${failure}-0001`),
          to: "+31612345678",
          channelUuid: "chan-1",
          text: "Hi",
        },
        { ...deps, sender: null },
      );
      const retried = failure === "429" || failure === "refused";
      expect(reached(failure, counted)).toBe(retried ? 3 : 1);
      expect(result).toMatchObject({ kind: mayHaveGone(failure) ? "unknown" : "rejected" });
      if (result.kind === "rejected") expect(result.notDelivered).toBe(failure === "refused");
      // Nothing reached Callbell: the history says not sent, not rejected.
      const [entry] = await deps.db.select().from(sends);
      expect(entry!.status).toBe(
        failure === "refused" ? "not_sent" : mayHaveGone(failure) ? "unknown" : "rejected",
      );
    },
  );

  it("a broadcast Callbell refuses for the account (402) pauses; after Resume its rows go again on their entries", async () => {
    requests.delete("402");
    requests.delete("ok");
    const { deps } = await dependencies("402");
    const broadcast = await createBroadcast(
      deps.db,
      { ...OUTAGE_NOTICE, channelUuid: "chan-1" },
      ["+31612345678", "+31612345679", "+31612345670"].map((phone, index) => ({
        rowNumber: index + 1,
        phone,
        values: JSON.stringify(["Ana"]),
        mediaUrl: null,
      })),
    );
    await virtualDispatcher(deps).ensure(broadcast.id);
    const paused = await findBroadcast(deps.db, broadcast.id);
    expect(paused).toMatchObject({ state: "paused" });
    expect(paused?.stateNote).toMatch(/^Paused by Bellhop: .*WhatsApp wallet has no credit \(402\)/);
    // The rows refused (those on their way when the first answer came) wait; the others were never claimed. Nothing
    // failed, and each refused row is one request.
    const refused = requests.get("402")!;
    const rows = await listRecipients(deps.db, broadcast.id);
    expect(rows.every((row) => row.state === "waiting")).toBe(true);
    expect(rows.map((row) => row.attempts)).toEqual([1, 2, 3].map((n) => (n <= refused ? 1 : 0)));

    // The wallet topped up (the same database, Callbell now accepting), and Resume: every row goes.
    const { deps: fixed } = await dependencies("ok");
    const resumed = { ...fixed, db: deps.db };
    expect(await resumeBroadcast(deps.db, broadcast.id)).toBe(true);
    expect((await findBroadcast(deps.db, broadcast.id))?.stateNote).toBeNull();
    await virtualDispatcher(resumed).ensure(broadcast.id);
    expect((await findBroadcast(deps.db, broadcast.id))?.state).toBe("completed");
    expect(requests.get("ok")).toBe(3);
    const entries = await deps.db.select().from(sends).orderBy(sends.id);
    expect(entries.map((entry) => [entry.status, entry.attempts])).toEqual(
      [1, 2, 3].map((n) => ["enqueued", n <= refused ? 2 : 1]),
    );
    expect(readAttemptLog(entries[0]!.attemptLog)).toMatchObject([{ status: "rejected", errorStatus: 402 }]);
  });
});
