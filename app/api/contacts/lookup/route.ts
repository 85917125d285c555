import { userOrUnauthorized } from "@/lib/auth/session";
import { cachedContactLookup } from "@/lib/contacts/cached-lookup";
import { contactKey, recipientProblem } from "@/lib/messages/recipient";
import { apiError } from "@/lib/http/api-error";

/**
 * `GET /api/contacts/lookup?recipient=…&channel=…`: the compose page's contact card and 24-hour window, for a
 * WhatsApp phone number or BSUID (`phone=` is still read, for links made before BSUIDs).
 */
export async function GET(request: Request) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const input = (params.get("recipient") ?? params.get("phone") ?? "").trim();
  const problem = recipientProblem("whatsapp", input);
  if (problem) return apiError(400, "The recipient cannot be looked up", { recipient: problem });
  const result = await cachedContactLookup(contactKey(input), params.get("channel") || undefined);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
