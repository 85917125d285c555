import { userOrUnauthorized } from "@/lib/auth/session";
import { listRecipientReport } from "@/lib/db/broadcast-queries";
import { parseRecipientState } from "@/lib/broadcasts/report";
import { getDb } from "@/lib/db/client";
import { parseId } from "@/lib/utils";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/broadcasts/<id>/recipients?state=failed&after=<row id>`: the report, 100 rows at a time. */
export async function GET(request: Request, context: Context) {
  const user = await userOrUnauthorized();
  if (user instanceof Response) return user;
  const id = parseId((await context.params).id);
  if (!id) return Response.json({ message: "No such broadcast" }, { status: 404 });
  const params = new URL(request.url).searchParams;
  const after = Number(params.get("after") ?? 0);
  const rows = await listRecipientReport(await getDb(), id, {
    state: parseRecipientState(params.get("state")),
    afterId: Number.isInteger(after) && after > 0 ? after : undefined,
    limit: 100,
  });
  return Response.json(
    { rows, next: rows.length === 100 ? rows[rows.length - 1]!.id : null },
    { headers: { "Cache-Control": "no-store" } },
  );
}
