import "server-only";
import { getCallbellConnection } from "@/lib/settings/callbell-connection";
import { ttlCache } from "@/lib/process/ttl-cache";
import { lookupContact } from "./lookup-contact";
import type { ContactLookup } from "./types";

/** Long enough to absorb a burst of lookups while an agent edits the number; short enough to notice a reply. */
const CACHE_TTL_MS = 60_000;

const cache = ttlCache<ContactLookup>("contact-lookups", {
  ttlMs: CACHE_TTL_MS,
  keep: (result) => result.kind !== "failed",
});

/** `lookupContact` with a one-minute cache per recipient and channel; a failed lookup is not kept. */
export async function cachedContactLookup(
  recipient: { phone: string } | { bsuid: string },
  channelUuid: string | undefined,
): Promise<ContactLookup> {
  const connection = await getCallbellConnection();
  const id = "phone" in recipient ? `phone:${recipient.phone}` : `bsuid:${recipient.bsuid}`;
  const key = `${connection.key}|${id}|${channelUuid ?? ""}`;
  return cache.get(key, () =>
    lookupContact(connection.client, recipient, channelUuid, Date.now()).then((result) =>
      // The simulator's contacts link to an inbox that does not exist: offer no link there.
      result.kind === "found" && connection.state.mode === "sandbox"
        ? { ...result, contact: { ...result.contact, conversationHref: null } }
        : result,
    ),
  );
}
