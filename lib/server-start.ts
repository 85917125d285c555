import "server-only";
import {
  getCallbellClient,
  getCallbellConnection,
  readConnectionState,
} from "@/lib/settings/callbell-connection";
import { SANDBOX_POLL_PER_MINUTE, startStatusPoller } from "@/lib/delivery/poller";
import { startScheduler } from "@/lib/messages/scheduler-runtime";
import { setSandboxWebhook } from "@/lib/sandbox/simulator";
import { getDb } from "@/lib/db/client";
import { createUserWithPassword } from "@/lib/auth/users";
import { startInstance } from "@/lib/cluster/instance";
import { recordAudit } from "@/lib/db/audit-queries";
import { countUsers } from "@/lib/db/account-queries";
import { getEnv } from "@/lib/env";
import { countOf } from "@/lib/format/plural";
import { webhookLane } from "@/lib/delivery/webhook-lane";
import { LANE } from "@/lib/security/lane.mjs";

/**
 * Where a person opens this server, for the log: `BELLHOP_URL` when set, else the address Next itself printed as
 * "Local" (the host given with `-H`, or localhost, and the port it listens on), else localhost on `PORT`.
 */
function openAddress(publicUrl: string | undefined): string {
  const address =
    publicUrl ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return address.replace(/\/+$/, "");
}

/** Start-up: a bad configuration stops the server with a message naming the variable. */
export async function startServer() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  // The edge settles the client's address, host and scheme before Next reads a request; without it a client's
  // X-Forwarded-For would choose the sign-in limit's address.
  if (!(globalThis as Record<symbol, unknown>)[Symbol.for("bellhop.edge")]) {
    console.error(
      "Bellhop cannot start without its edge: start it with `npm start`, or pass `--import ./lib/security/edge.mjs` to node",
    );
    process.exit(1);
  }
  const db = await getDb();
  if (env.BELLHOP_ADMIN_EMAIL && env.BELLHOP_ADMIN_PASSWORD && (await countUsers(db)) === 0) {
    try {
      const created = await createUserWithPassword({
        email: env.BELLHOP_ADMIN_EMAIL,
        password: env.BELLHOP_ADMIN_PASSWORD,
        name: "Admin",
        role: "admin",
      });
      // No request made this one: the address says it came from the server's own start.
      await recordAudit(db, {
        kind: "user-added",
        actorId: created.id,
        actorEmail: created.email,
        address: "server start",
        detail: { email: created.email, role: "admin", via: "environment" },
      });
      console.log(`Bellhop: created the first admin, ${env.BELLHOP_ADMIN_EMAIL}`);
    } catch (error) {
      // Instances started together on one database: another one created it first.
      if ((await countUsers(db)) === 0) throw error;
    }
  } else if ((await countUsers(db)) === 0) {
    console.log(`Bellhop: open ${openAddress(env.BELLHOP_URL)}/setup to create the first admin`);
  }
  // From here on Callbell's webhook is answered in the edge's lane, past Next's routing (lib/security/lane.mjs).
  (globalThis as Record<symbol, unknown>)[LANE] = webhookLane(() => ({
    secret: getEnv().CALLBELL_WEBHOOK_SECRET,
    db: getDb,
  }));
  // The simulator delivers statuses to this very server, as Callbell would to a registered webhook.
  setSandboxWebhook(
    env.CALLBELL_WEBHOOK_SECRET
      ? `http://127.0.0.1:${process.env.PORT ?? env.PORT ?? 3000}/api/webhooks/callbell/${env.CALLBELL_WEBHOOK_SECRET}`
      : null,
  );
  startStatusPoller({
    db: getDb,
    client: getCallbellClient,
    // The sandbox answers in the process and has no account's limit: its statuses are asked about as fast as the
    // poller's own backoff allows, so thousands of sandbox sends do not wait minutes for theirs.
    perMinute: async () =>
      (await getCallbellConnection()).state.mode === "sandbox"
        ? SANDBOX_POLL_PER_MINUTE
        : env.BELLHOP_POLL_PER_MINUTE,
  });
  // This instance's lease, then what stopped instances left in flight, then every running broadcast.
  const started = await startInstance();
  // Messages sent later: what came due while Bellhop was down goes now, or is marked missed past the late limit.
  startScheduler();
  if (started.broadcasts > 0)
    console.log(`Bellhop: dispatching ${countOf(started.broadcasts, "running broadcast")}`);
  const state = await readConnectionState();
  const source = state.modeChosen
    ? "chosen in Settings"
    : state.token
      ? "CALLBELL_API_TOKEN is set"
      : "no token";
  console.log(
    state.mode === "sandbox"
      ? `Bellhop: sandbox mode (${source}): messages go to the built-in simulator and are not delivered`
      : `Bellhop: live mode (${source}), Callbell at ${env.CALLBELL_API_URL}${state.token ? "" : ": NO USABLE TOKEN, sends are refused"}`,
  );
}
