import "server-only";
import { audit } from "@/lib/audit/record";
import type { SignedInUser } from "@/lib/auth/session";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { getDb, type Database } from "@/lib/db/client";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast } from "./dispatcher";
import { mayControlBroadcast } from "./ownership";
import { broadcastProgress } from "./progress";
import { CONTROL_ACTIONS, type ControlResult } from "./results";
import { getDispatcher } from "./runtime";

const CHANGE = { pause: pauseBroadcast, resume: resumeBroadcast, cancel: cancelBroadcast } as const;
const AUDIT_KIND = {
  pause: "broadcast-paused",
  resume: "broadcast-resumed",
  cancel: "broadcast-cancelled",
} as const;

const NOT_FOUND = { kind: "not-found", message: "No such broadcast" } as const;

/**
 * Pause, resume or cancel, for the broadcast's creator or an admin only (everyone else may watch). A change the
 * broadcast's state does not allow (pausing a paused one) is `unchanged`, with the state it is in.
 */
export async function changeBroadcastAsUser(
  db: Database,
  user: Pick<SignedInUser, "id" | "role">,
  id: number,
  /** Checked here, after who may ask: a stranger learns nothing from a wrong action. */
  action: unknown,
): Promise<ControlResult> {
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return NOT_FOUND;
  if (!mayControlBroadcast(user, broadcast)) {
    return {
      kind: "forbidden",
      message: `Only ${broadcast.createdByEmail ?? "the person who started this broadcast"} or an admin can pause, resume or cancel it`,
    };
  }
  const known = CONTROL_ACTIONS.find((candidate) => candidate === action);
  if (!known) return { kind: "invalid", message: 'action must be "pause", "resume" or "cancel"' };
  const changed = await CHANGE[known](db, id);
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
): Promise<ControlResult> {
  const result = await changeBroadcastAsUser(await getDb(), user, id, action);
  const known = CONTROL_ACTIONS.find((candidate) => candidate === action);
  if (result.kind === "changed" && known) {
    if (known === "resume") void getDispatcher().ensure(id);
    const detail = { broadcastId: id, name: result.progress.name };
    await audit(AUDIT_KIND[known], user, detail, requestHeaders);
  }
  return result;
}
