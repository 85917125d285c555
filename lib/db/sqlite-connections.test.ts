import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import Libsql from "libsql";
import { afterAll, describe, expect, it } from "vitest";
import { DIALECT } from "./dialect";
import { setUpSqliteConnections, STATEMENTS_KEPT, statementsKept } from "./sqlite-connections";

const folder = mkdtempSync(path.join(os.tmpdir(), "bellhop-connections-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.runIf(DIALECT === "sqlite")("SQLite connections", () => {
  it("prepares a statement once per connection, and the kept one runs again with other values", () => {
    setUpSqliteConnections("normal");
    const connection = new Libsql(":memory:");
    connection.exec("create table t (id integer primary key, name text unique)");
    const insert = connection.prepare("insert into t (name) values (?)");
    expect(connection.prepare("insert into t (name) values (?)")).toBe(insert);
    insert.run(["a"]);
    // A statement that fails (a repeated name) is used again afterwards.
    expect(() => connection.prepare("insert into t (name) values (?)").run(["a"])).toThrow(/UNIQUE/);
    connection.prepare("insert into t (name) values (?)").run(["b"]);
    const select = connection.prepare("select name from t where id >= ? order by id");
    expect(select.all([1])).toEqual([{ name: "a" }, { name: "b" }]);
    expect(connection.prepare("select name from t where id >= ? order by id").all([2])).toEqual([
      { name: "b" },
    ]);
    expect(statementsKept(connection)).toBe(2);
  });

  it("a kept statement gives its columns, and refuses raw mode when it returns no data, as libsql does", () => {
    setUpSqliteConnections("normal");
    const connection = new Libsql(":memory:");
    connection.exec("create table t (id integer primary key, name text)");
    const select = connection.prepare("select id, name from t");
    expect(select.columns().map((column) => column.name)).toEqual(["id", "name"]);
    expect(select.columns()).toBe(select.columns());
    expect(select.raw(true).all()).toEqual([]);
    connection.exec("insert into t (name) values ('a')");
    expect(connection.prepare("select id, name from t").raw(true).all()).toEqual([[1, "a"]]);
    expect(connection.prepare("select id, name from t").raw(false).all()).toEqual([{ id: 1, name: "a" }]);
    const insert = connection.prepare("insert into t (name) values (?)");
    expect(() => insert.raw(true)).toThrow(/only for statements that return data/);
    expect(() => connection.prepare("insert into t (name) values (?)").raw(true)).toThrow(
      /only for statements that return data/,
    );
    expect(insert.run(["b"]).changes).toBe(1);
  });

  it("keeps the most recently used statements, up to its limit", () => {
    setUpSqliteConnections("normal");
    const connection = new Libsql(":memory:");
    const first = connection.prepare("select 0");
    for (let n = 1; n < STATEMENTS_KEPT; n += 1) connection.prepare(`select ${n}`);
    // "select 0" used again: "select 1" is now the oldest, and the next new one pushes it out.
    expect(connection.prepare("select 0")).toBe(first);
    const oldest = connection.prepare("select 1");
    connection.prepare("select 2");
    connection.prepare(`select ${STATEMENTS_KEPT}`);
    expect(statementsKept(connection)).toBe(STATEMENTS_KEPT);
    expect(connection.prepare("select 0")).toBe(first);
    expect(connection.prepare("select 2")).not.toBe(undefined);
    expect(connection.prepare("select 1")).toBe(oldest);
  });

  it("every connection the client opens commits without a flush (NORMAL), unless FULL is asked", async () => {
    const synchronousOf = async (mode: "normal" | "full", file: string) => {
      setUpSqliteConnections(mode);
      const client = createClient({ url: `file:${path.join(folder, file)}` });
      await client.execute("PRAGMA journal_mode = WAL");
      // A transaction holds one connection while another answers: both are set up.
      const transaction = await client.transaction("read");
      const modes = [
        (await transaction.execute("PRAGMA synchronous")).rows[0]![0],
        (await client.execute("PRAGMA synchronous")).rows[0]![0],
      ];
      transaction.close();
      client.close();
      return modes;
    };
    expect(await synchronousOf("normal", "normal.db")).toEqual([1, 1]);
    expect(await synchronousOf("full", "full.db")).toEqual([2, 2]);
    setUpSqliteConnections("normal");
  });
});
