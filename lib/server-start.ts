import "server-only";
import { getDb } from "@/lib/db/client";
import { markInterruptedSendsUnknown } from "@/lib/db/queries";
import { getEnv } from "@/lib/env";

/** Start-up: a bad configuration stops the server with a message naming the variable. */
export async function startServer() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const db = await getDb();
  const interrupted = await markInterruptedSendsUnknown(db);
  if (interrupted > 0)
    console.warn(`Bellhop: ${interrupted} send(s) interrupted by the last stop are now "unknown"`);
  console.log(
    env.sandbox
      ? "Bellhop: sandbox mode (no CALLBELL_API_TOKEN): messages go to the built-in simulator and are not delivered"
      : `Bellhop: live mode, Callbell at ${env.CALLBELL_API_URL}`,
  );
}
