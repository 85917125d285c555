import { getEnv } from "@/lib/env";
import { audit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/session";
import { createBroadcastFromInput } from "@/lib/broadcasts/create-broadcast";
import { admitList } from "@/lib/broadcasts/list-gate";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { getDb } from "@/lib/db/client";
import { loadChannels, loadTemplates } from "@/lib/messages/account-data";
import { MAX_BROADCAST_BODY_BYTES, isSameOriginRequest } from "@/lib/security/http-headers";
import { apiError } from "@/lib/http/api-error";

/**
 * `POST /api/broadcasts`: creates a broadcast from the wizard's list and starts it. A route rather than a server
 * action because the list can be megabytes; it checks the session and the origin itself, as actions do.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers, getEnv().BELLHOP_URL))
    return apiError(403, "Cross-origin request refused");
  const user = await currentUser();
  if (!user) return apiError(401, "You are signed out: sign in again, then start the broadcast");
  const text = await request.text();
  if (text.length > MAX_BROADCAST_BODY_BYTES) return apiError(413, "The list is too large");
  const release = admitList(text.length);
  if (!release) {
    const answer = apiError(
      429,
      "Bellhop is storing other large lists right now: start again in a few seconds",
    );
    answer.headers.set("Retry-After", "5");
    return answer;
  }
  try {
    return await create(request, user, text);
  } finally {
    release();
  }
}

async function create(
  request: Request,
  user: NonNullable<Awaited<ReturnType<typeof currentUser>>>,
  text: string,
) {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return apiError(400, "The body is not JSON");
  }
  const result = await createBroadcastFromInput(input, {
    db: await getDb(),
    templates: await loadTemplates().catch(() => null),
    channels: await loadChannels("whatsapp").catch(() => null),
    creator: { id: user.id, email: user.email },
  });
  if (!result.ok) return apiError(400, result.message, result.fieldErrors);
  // A repeated start (a double submit, a retry) answers with the broadcast the first one made: nothing new is sent.
  if (result.repeated) {
    return Response.json(
      { id: result.id, recipients: result.recipients, scheduledFor: result.scheduledFor },
      { status: 200, headers: { "Cache-Control": "no-store" } },
    );
  }
  await audit(
    "broadcast-created",
    user,
    {
      broadcastId: result.id,
      name: result.name,
      recipients: result.recipients,
      ...(result.retryOfId ? { retryOf: result.retryOfId } : {}),
      ...(result.scheduledFor ? { startAt: result.scheduledFor } : {}),
    },
    request.headers,
  );
  // Started later: the scheduler starts it at its time.
  if (!result.scheduledFor) void getDispatcher().ensure(result.id);
  return Response.json(
    { id: result.id, recipients: result.recipients, scheduledFor: result.scheduledFor },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
