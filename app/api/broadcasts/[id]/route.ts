import { getEnv } from "@/lib/env";
import { audit } from "@/lib/audit/record";
import { userOrUnauthorized } from "@/lib/auth/session";
import { cancelBroadcast, pauseBroadcast, resumeBroadcast } from "@/lib/broadcasts/dispatcher";
import { mayControlBroadcast } from "@/lib/broadcasts/ownership";
import { broadcastProgress } from "@/lib/broadcasts/progress";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { findBroadcast } from "@/lib/db/broadcast-queries";
import { getDb } from "@/lib/db/client";
import { isSameOriginRequest } from "@/lib/security/http-headers";
import { parseId } from "@/lib/utils";

type Context = { params: Promise<{ id: string }> };
const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

async function idOf(context: Context) {
  return parseId((await context.params).id);
}

/** `GET /api/broadcasts/<id>`: the progress, polled by the page every second. */
export async function GET(_request: Request, context: Context) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = await idOf(context);
  const progress = id ? await broadcastProgress(await getDb(), id) : null;
  return progress ? json(200, progress) : json(404, { message: "No such broadcast" });
}

/** `POST /api/broadcasts/<id>` with `{"action": "pause" | "resume" | "cancel"}`. */
export async function POST(request: Request, context: Context) {
  if (!isSameOriginRequest(request.headers, getEnv().BELLHOP_URL))
    return json(403, { message: "Cross-origin request refused" });
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = await idOf(context);
  if (!id) return json(404, { message: "No such broadcast" });
  const db = await getDb();
  const broadcast = await findBroadcast(db, id);
  if (!broadcast) return json(404, { message: "No such broadcast" });
  if (!mayControlBroadcast(user, broadcast)) {
    return json(403, {
      message: `Only ${broadcast.createdByEmail ?? "the person who started this broadcast"} or an admin can pause, resume or cancel it`,
    });
  }
  const { action } = ((await request.json().catch(() => ({}))) ?? {}) as { action?: unknown };
  let changed: boolean;
  if (action === "pause") changed = await pauseBroadcast(db, id);
  else if (action === "resume") {
    changed = await resumeBroadcast(db, id);
    if (changed) void getDispatcher().ensure(id);
  } else if (action === "cancel") changed = await cancelBroadcast(db, id);
  else return json(400, { message: 'action must be "pause", "resume" or "cancel"' });
  if (changed) {
    const kind = action === "pause" ? "paused" : action === "resume" ? "resumed" : "cancelled";
    const detail = { broadcastId: id, name: broadcast.name };
    await audit(`broadcast-${kind}`, user, detail, request.headers);
  }
  const progress = await broadcastProgress(db, id);
  if (!progress) return json(404, { message: "No such broadcast" });
  return json(
    changed ? 200 : 409,
    changed ? progress : { message: `The broadcast is ${progress.state}`, ...progress },
  );
}
