import "server-only";
import { processSingleton } from "@/lib/process/state";
import { MAX_BROADCAST_BODY_BYTES } from "@/lib/security/http-headers";

/**
 * The lists being read and stored in this process, in bytes. Reading, checking and storing a list of 50,000 rows holds
 * the process for about a second: at most one such list at a time (smaller ones alongside), so several large ones
 * sent together wait their turn at the browser instead of holding every other page for many seconds. (On SQLite the
 * storing itself runs without letting other requests in, so lists meet here mostly on PostgreSQL.)
 *
 * Returns the release to call once the list is stored, or null when the list must wait (429, `Retry-After`).
 */
export function admitList(bytes: number, limit = MAX_BROADCAST_BODY_BYTES): (() => void) | null {
  const storing = processSingleton("broadcast-lists-being-stored", () => ({ bytes: 0 }));
  if (storing.bytes > 0 && storing.bytes + bytes > limit) return null;
  storing.bytes += bytes;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    storing.bytes -= bytes;
  };
}
