import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export async function GET() {
  await getDb();
  return Response.json({ status: "ok", mode: getEnv().sandbox ? "sandbox" : "live" });
}
