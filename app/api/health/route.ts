import { getDb } from "@/lib/db/client";

/**
 * Public (load balancers call it): says the process is up and its database open, nothing more. Signed-out visitors
 * are not told the mode (docs/deployment.md).
 */
export async function GET() {
  await getDb();
  return Response.json({ status: "ok" });
}
