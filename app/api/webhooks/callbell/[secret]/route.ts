import { getDb } from "@/lib/db/client";
import { handleCallbellWebhook } from "@/lib/delivery/webhook";
import { getEnv } from "@/lib/env";

type Context = { params: Promise<{ secret: string }> };

/** Callbell's webhook. No session here: Callbell calls it, and the secret in the address is its credential. */
async function handle(request: Request, { params }: Context) {
  const { secret } = await params;
  return handleCallbellWebhook(request, secret, { secret: getEnv().CALLBELL_WEBHOOK_SECRET, db: getDb });
}

export const GET = handle;
export const POST = handle;
