import "server-only";
import { getEnv } from "@/lib/env";

/**
 * Whether Bellhop can know of replies: only Callbell's webhook tells them (`message_created`), and polling cannot, so
 * without `CALLBELL_WEBHOOK_SECRET` the pages say so where the numbers would be, rather than show none or 0%.
 */
export function repliesKnown(): boolean {
  return Boolean(getEnv().CALLBELL_WEBHOOK_SECRET);
}
