import { getCallbellConnection } from "@/lib/settings/callbell-connection";
import { getDb } from "@/lib/db/client";

/** Public (load balancers call it): says the process is up and which mode it is in, nothing more. */
export async function GET() {
  await getDb();
  const { state } = await getCallbellConnection();
  return Response.json({ status: "ok", mode: state.mode });
}
