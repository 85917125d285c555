import { userOrUnauthorized } from "@/lib/auth/session";
import { cachedContactLookup } from "@/lib/contacts/cached-lookup";
import { isValidPhone, normalizePhone } from "@/lib/messages/phone";

/** `GET /api/contacts/lookup?phone=…&channel=…`: the compose page's contact card and 24-hour window. */
export async function GET(request: Request) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const phone = normalizePhone((params.get("phone") ?? "").trim());
  if (!isValidPhone(phone)) {
    return Response.json({ error: "phone must be a WhatsApp number with its country code" }, { status: 400 });
  }
  const result = await cachedContactLookup(phone, params.get("channel") || undefined);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
