import "server-only";
import { audit } from "@/lib/audit/record";
import type { SignedInUser } from "@/lib/auth/session";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { rescheduleBroadcast, startBroadcastNow } from "@/lib/db/broadcast-state-queries";
import { getDb, type Database } from "@/lib/db/client";
import { readScheduleTime } from "@/lib/messages/schedule-time";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast } from "./dispatcher";
import { mayControlBroadcast } from "./ownership";
import { broadcastProgress } from "./progress";
import { CONTROL_ACTIONS, type ControlResult } from "./results";
import { getDispatcher } from "./runtime";

/** A new start time, as the page and the API give it: a wall-clock time and the zone it is read in. */
export type { WallClockTime as StartTime } from "@/lib/messages/schedule-time";

const CHANGE = {
  pause: pauseBroadcast,
  resume: resumeBroadcast,
  cancel: cancelBroadcast,
  start: (db: Database, id: number) => startBroadcastNow(db, id),
} as const;
const AUDIT_KIND = {
  pause: "broadcast-paused",
  resume: "broadcast-resumed",
  cancel: "broadcast-cancelled",
  start: "broadcast-started",
  reschedule: "broadcast-rescheduled",
} as const;

const NOT_FOUND = { kind: "not-found", message: "No such broadcast" } as const;

/**
 * Pause, resume, cancel, start now or reschedule, for the broadcast's creator or an admin only (everyone else may
 * watch). A change the broadcast's state does not allow (pausing a paused one) is `unchanged`, with the state it is in.
 */
export async function changeBroadcastAsUser(
  db: Database,
  user: Pick<SignedInUser, "id" | "role">,
  id: number,
  /** Checked here, after who may ask: a stranger learns nothing from a wrong action. */
  action: unknown,
  /** For `reschedule`: the new start time. */
  when?: unknown,
): Promise<ControlResult> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return NOT_FOUND;
  if (!mayControlBroadcast(user, broadcast)) {
    return {
      kind: "forbidden",
      message: `Only ${broadcast.createdByEmail ?? "the person who started this broadcast"} or an admin can pause, resume, cancel or reschedule it`,
    };
  }
  const known = CONTROL_ACTIONS.find((candidate) => candidate === action);
  if (!known) {
    return {
      kind: "invalid",
      message: 'action must be "pause", "resume", "cancel", "start" or "reschedule"',
    };
  }
  let changed: boolean;
  if (known === "reschedule") {
    const time = readScheduleTime(when, Date.now(), "use Start now");
    if ("problem" in time) return { kind: "invalid", message: time.problem, field: "startAt" };
    changed = await rescheduleBroadcast(db, id, time);
  } else {
    changed = await CHANGE[known](db, id);
  }
  const progress = await broadcastProgress(db, id);
  if (!progress) return NOT_FOUND;
  return changed
    ? { kind: "changed", progress }
    : { kind: "unchanged", message: `The broadcast is ${progress.state}`, progress };
}

/**
 * The whole use-case, shared by the page's server action and `POST /api/broadcasts/<id>`: the change, its audit
 * entry, and, on resume, the dispatcher picking the broadcast up again.
 */
export async function controlBroadcast(
  user: SignedInUser,
  id: number,
  action: unknown,
  requestHeaders?: Headers,
  when?: unknown,
): Promise<ControlResult> {
  const result = await changeBroadcastAsUser(await getDb(), user, id, action, when);
  const known = CONTROL_ACTIONS.find((candidate) => candidate === action);
  if (result.kind === "changed" && known) {
    if (known === "resume" || known === "start") void getDispatcher().ensure(id);
    const detail = {
      broadcastId: id,
      name: result.progress.name,
      ...(known === "reschedule" ? { startAt: result.progress.scheduledFor } : {}),
    };
    await audit(AUDIT_KIND[known], user, detail, requestHeaders);
  }
  return result;
}
