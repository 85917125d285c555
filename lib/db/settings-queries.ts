import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "./client";
import { settings } from "./schema";

/** Every stored setting by key, with when and by whom it was last changed. */
export async function readSettings(
  db: Database,
): Promise<Partial<Record<string, { value: string; updatedAt: Date; updatedBy: string | null }>>> {
  const rows = await db.select().from(settings);
  return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
}

/** Sets (a string) or removes (null) several settings at once: all of them change, or none. */
export async function writeSettings(
  db: Database,
  values: Record<string, string | null>,
  updatedBy: string,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const removed = Object.keys(values).filter((key) => values[key] === null);
    if (removed.length > 0) await tx.delete(settings).where(inArray(settings.key, removed));
    for (const [key, value] of Object.entries(values)) {
      if (value === null) continue;
      await tx
        .insert(settings)
        .values({ key, value, updatedAt: now, updatedBy })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy } });
    }
  });
}
