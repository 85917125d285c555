import "server-only";
import { getCallbellConnection } from "@/lib/callbell";
import { lookupContact } from "./lookup-contact";
import type { ContactLookup } from "./types";

/** Long enough to absorb a burst of lookups while an agent edits the number; short enough to notice a reply. */
const CACHE_TTL_MS = 60_000;

type Entry = { expires: number; value: Promise<ContactLookup> };
const globalForLookups = globalThis as unknown as { bellhopContactLookups?: Map<string, Entry> };

/** `lookupContact` with a one-minute cache per recipient and channel; a failed lookup is not kept. */
export async function cachedContactLookup(
  recipient: { phone: string } | { bsuid: string },
  channelUuid: string | undefined,
): Promise<ContactLookup> {
  const connection = await getCallbellConnection();
  const cache = (globalForLookups.bellhopContactLookups ??= new Map());
  const id = "phone" in recipient ? `phone:${recipient.phone}` : `bsuid:${recipient.bsuid}`;
  const key = `${connection.key}|${id}|${channelUuid ?? ""}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  if (cache.size > 5_000) cache.clear();
  const value = lookupContact(connection.client, recipient, channelUuid, now).then((result) =>
    // The simulator's contacts link to an inbox that does not exist: offer no link there.
    result.kind === "found" && connection.state.mode === "sandbox"
      ? { ...result, contact: { ...result.contact, conversationHref: null } }
      : result,
  );
  cache.set(key, { expires: now + CACHE_TTL_MS, value });
  void value.then((result) => {
    if (result.kind === "failed") cache.delete(key);
  });
  return value;
}
