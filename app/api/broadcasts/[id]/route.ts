import { getEnv } from "@/lib/env";
import { userOrUnauthorized } from "@/lib/auth/session";
import { controlBroadcast } from "@/lib/broadcasts/control";
import { broadcastProgress } from "@/lib/broadcasts/progress";
import { getDb } from "@/lib/db/client";
import { isSameOriginRequest } from "@/lib/security/http-headers";
import { parseId } from "@/lib/utils";
import { apiError, AppError } from "@/lib/http/api-error";

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
  return progress ? json(200, progress) : apiError(404, "No such broadcast");
}

/**
 * `POST /api/broadcasts/<id>` with `{"action": "pause" | "resume" | "cancel" | "start"}`, or
 * `{"action": "reschedule", "startAt": {"local": "2026-11-28T09:00", "zone": "Europe/Madrid"}}`, for automation (the
 * page uses a server action): the same use-case, answered with the progress (409 when the state did not allow it).
 */
export async function POST(request: Request, context: Context) {
  if (!isSameOriginRequest(request.headers, getEnv().BELLHOP_URL))
    return apiError(403, "Cross-origin request refused");
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = await idOf(context);
  if (!id) return apiError(404, "No such broadcast");
  const body: unknown = await request.json().catch(() => null);
  const given = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const result = await controlBroadcast(user, id, given.action, request.headers, given.startAt);
  switch (result.kind) {
    case "changed":
      return json(200, result.progress);
    case "unchanged":
      // The error, with the broadcast as it is now.
      return new AppError(409, result.message).toResponse({ ...result.progress });
    case "forbidden":
      return apiError(403, result.message);
    case "invalid":
      return apiError(400, result.message, { [result.field ?? "action"]: result.message });
    default:
      return apiError(404, result.message);
  }
}
