import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallbellClient } from "@/lib/callbell/client";
import { SEND_MAX_ATTEMPTS } from "@/lib/callbell/retry-policy";
import { createBroadcast, listRecipients } from "@/lib/db/broadcast-queries";
import { sends } from "@/lib/db/schema";
import { readAttemptLog } from "@/lib/messages/send-attempts";
import { testDatabase } from "@/lib/db/testing";
import { emptyComposeForm } from "@/lib/messages/compose-form";
import { sendComposedMessage, type SendDependencies } from "@/lib/messages/send-message";
import { createDispatcher } from "./dispatcher";
import { sendRecipientWith } from "./send-recipient";
import { OUTAGE_NOTICE } from "./testing";

/**
 * How many requests reach Callbell for one send, for each way a send can fail, through the real layers: the client
 * against an HTTP stub, the send use-case, and (for a broadcast row) the dispatcher on a virtual clock.
 */

type Failure = "429" | "500" | "503" | "400" | "402" | "timeout" | "refused";
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

const FAILURES: Failure[] = ["429", "500", "503", "400", "402", "timeout", "refused"];

describe("the retry policy, counted at the stub", () => {
  it.each(FAILURES)(
    "a broadcast row that meets %s reaches Callbell at most as the policy says",
    async (failure) => {
      requests.delete(failure);
      const { deps, counted } = await dependencies(failure);
      const broadcast = await createBroadcast(deps.db, { ...OUTAGE_NOTICE, channelUuid: "chan-1" }, [
        { rowNumber: 1, phone: "+31612345678", values: JSON.stringify(["Ana"]), mediaUrl: null },
      ]);
      let time = 1_000_000;
      await createDispatcher({
        db: async () => deps.db,
        send: sendRecipientWith(deps),
        now: () => time,
        sleep: async (ms) => {
          time += ms;
        },
      }).ensure(broadcast.id);

      // Only a 429 and a refused connection surely delivered nothing: those go again, one request per attempt.
      const expected = failure === "429" || failure === "refused" ? SEND_MAX_ATTEMPTS : 1;
      expect(reached(failure, counted)).toBe(expected);
      const [row] = await listRecipients(deps.db, broadcast.id);
      expect(row).toMatchObject({ state: mayHaveGone(failure) ? "unknown" : "failed", attempts: expected });
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
});
