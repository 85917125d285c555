import { getEnv } from "@/lib/env";
import { audit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/session";
import { createBroadcastFromInput } from "@/lib/broadcasts/create-broadcast";
import { getDispatcher } from "@/lib/broadcasts/runtime";
import { getDb } from "@/lib/db/client";
import { loadChannels, loadTemplates } from "@/lib/messages/account-data";
import { MAX_BROADCAST_BODY_BYTES, isSameOriginRequest } from "@/lib/security/http-headers";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * `POST /api/broadcasts`: creates a broadcast from the wizard's list and starts it. A route rather than a server
 * action because the list can be megabytes; it checks the session and the origin itself, as actions do.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers, getEnv().BELLHOP_URL))
    return json(403, { message: "Cross-origin request refused" });
  const user = await currentUser();
  if (!user) return json(401, { message: "You are signed out: sign in again, then start the broadcast" });
  const text = await request.text();
  if (text.length > MAX_BROADCAST_BODY_BYTES) return json(413, { message: "The list is too large" });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return json(400, { message: "The body is not JSON" });
  }
  const result = await createBroadcastFromInput(input, {
    db: await getDb(),
    templates: await loadTemplates().catch(() => null),
    channels: await loadChannels("whatsapp").catch(() => null),
    creator: { id: user.id, email: user.email },
  });
  if (!result.ok) return json(400, { message: result.message, fieldErrors: result.fieldErrors });
  await audit(
    "broadcast-created",
    user,
    {
      broadcastId: result.id,
      name: result.name,
      recipients: result.recipients,
      ...(result.retryOfId ? { retryOf: result.retryOfId } : {}),
    },
    request.headers,
  );
  void getDispatcher().ensure(result.id);
  return json(201, { id: result.id, recipients: result.recipients });
}
