import "server-only";
import Libsql from "libsql";

/**
 * How each SQLite connection is set up, under `@libsql/client` (which opens a small pool of them and offers no hook):
 *
 * - **Statements are prepared once per connection.** The client prepares every statement anew on every call, which
 *   was an eighth of a broadcast send's CPU; a connection now keeps its last `STATEMENTS_KEPT` statements by their
 *   SQL. A libsql statement is reset each time it runs, so it is reused safely (the client runs each to its end).
 *   It also remembers its columns and whether it returns data (below).
 * - **`synchronous = NORMAL`** (in WAL, the mode every Bellhop database is in): a commit no longer waits for the
 *   disk to flush (0.3–0.4 ms a write here, several writes a send). Nothing written is lost when Bellhop crashes or
 *   is killed; a power cut or an operating system crash can lose the last writes before it.
 *   `BELLHOP_SQLITE_SYNCHRONOUS=full` keeps SQLite's default, a flush on every commit.
 */
export const STATEMENTS_KEPT = 200;

type Statement = ReturnType<Libsql.Database["prepare"]>;
type Prepare = (this: Libsql.Database, sql: string, ...rest: unknown[]) => Statement;
type Setup = {
  original: Prepare;
  kept: WeakMap<Libsql.Database, Map<string, Statement>>;
  synchronous: SynchronousMode;
};

const KEY = Symbol.for("bellhop.sqlite-connections");

export type SynchronousMode = "normal" | "full";

/**
 * Installs the setup once per process (Next loads server modules several times); a later call changes only the
 * synchronous mode of the connections opened after it.
 */
export function setUpSqliteConnections(synchronous: SynchronousMode): void {
  const store = globalThis as { [KEY]?: Setup };
  if (store[KEY]) {
    store[KEY].synchronous = synchronous;
    return;
  }
  const prototype = Libsql.prototype as unknown as { prepare: Prepare };
  const original = prototype.prepare;
  const kept = new WeakMap<Libsql.Database, Map<string, Statement>>();
  const setup: Setup = { original, kept, synchronous };
  store[KEY] = setup;
  prototype.prepare = function prepare(this: Libsql.Database, sql: string, ...rest: unknown[]) {
    // The database's own PRAGMA helper passes more arguments: prepared as it asks, not kept.
    if (rest.length > 0) return original.call(this, sql, ...rest);
    let statements = kept.get(this);
    if (!statements) {
      statements = new Map();
      kept.set(this, statements);
      if (setup.synchronous === "normal") this.exec("PRAGMA synchronous = NORMAL");
    }
    const statement = statements.get(sql);
    if (statement) {
      // Most recently used last: the first in the map is the one to drop.
      statements.delete(sql);
      statements.set(sql, statement);
      return statement;
    }
    const prepared = remembering(original.call(this, sql));
    statements.set(sql, prepared);
    if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
    return prepared;
  };
}

/**
 * A kept statement answers again, without asking libsql, what cannot change while it lives: its columns (the client
 * asks twice a call; Bellhop's SQL names every column it reads), and that raw mode is refused for a statement that
 * returns no data (the client tries it on every call, and libsql builds a new error each time).
 */
function remembering(statement: Statement): Statement {
  const columns = statement.columns.bind(statement);
  const raw = statement.raw.bind(statement);
  let known: ReturnType<Statement["columns"]> | undefined;
  let refused: unknown;
  let rawMode: boolean | undefined;
  statement.columns = () => (known ??= columns());
  statement.raw = (toggle?: boolean) => {
    if (refused) throw refused;
    const mode = toggle ?? true;
    if (mode === rawMode) return statement;
    try {
      raw(mode);
    } catch (error) {
      refused = error;
      throw error;
    }
    rawMode = mode;
    return statement;
  };
  return statement;
}

/** How many statements a connection keeps (tests). */
export function statementsKept(connection: Libsql.Database): number {
  return (globalThis as { [KEY]?: Setup })[KEY]?.kept.get(connection)?.size ?? 0;
}
