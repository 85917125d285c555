import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DIALECT } from "./dialect";
import { receivedMessages } from "./schema";

/**
 * Another process that takes SQLite's write lock, prints `locked`, and lets go a moment later by its own clock (this
 * process is blocked while a write waits for the lock: SQLite's wait is synchronous).
 */
function holdWriteLock(file: string) {
  const script = `
    import { createClient } from "@libsql/client";
    const db = createClient({ url: ${JSON.stringify(`file:${file}`)} });
    const tx = await db.transaction("write");
    await tx.execute("insert into settings (key, value, updated_at) values ('held', 'yes', 0)");
    console.log("locked");
    setTimeout(async () => { await tx.commit(); db.close(); process.exit(0); }, 300);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const locked = new Promise<void>((resolve) => child.stdout.on("data", () => resolve()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { locked, exited };
}

describe.skipIf(DIALECT !== "sqlite")("the embedded database under concurrent writers", () => {
  it("makes every connection of its pool wait for another writer's lock instead of failing at once", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bellhop-busy-"));
    try {
      const file = path.join(dir, "bellhop.db");
      const { db, ready } = openDatabase(`file:${file}`);
      await ready;
      // Two reads at once open a second connection in the client's pool; the next write borrows that one.
      await Promise.all([db.$count(receivedMessages), db.$count(receivedMessages)]);
      const holder = holdWriteLock(file);
      await holder.locked;
      await db.insert(receivedMessages).values({
        dedupeKey: "k1",
        receivedAt: new Date(),
        writtenAt: null,
        channel: null,
        fromPhone: null,
        fromBsuid: null,
        fromId: null,
        contactUuid: null,
        kind: "text",
        text: "Yes",
        sendId: null,
        payload: "{}",
      });
      await holder.exited;
      expect(await db.$count(receivedMessages)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
