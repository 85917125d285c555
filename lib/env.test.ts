import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

describe("DATABASE_URL", () => {
  it("defaults to the embedded SQLite file and accepts a PostgreSQL URL", () => {
    expect(parseEnv({}).databaseUrl).toBe("file:./data/bellhop.db");
    const url = "postgres://bellhop:pw@db.internal:5432/bellhop";
    expect(parseEnv({ DATABASE_URL: url, BELLHOP_SECRET: SECRET }).databaseUrl).toBe(url);
  });

  it("on PostgreSQL, needs BELLHOP_SECRET: every instance must sign sessions alike", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://localhost/bellhop" })).toThrow(
      /BELLHOP_SECRET: must be set, the same on every instance/,
    );
  });

  it("names a URL it does not know", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/bellhop" })).toThrow(
      /DATABASE_URL: must be a file:… path \(SQLite\), a libsql:\/\/ URL or a postgres:\/\/ URL/,
    );
  });
});

describe("BELLHOP_TRUSTED_PROXIES", () => {
  it("defaults to 0 (no forwarded header is believed) and names itself when it is not a number of hops", () => {
    expect(parseEnv({}).BELLHOP_TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ BELLHOP_TRUSTED_PROXIES: "2" }).BELLHOP_TRUSTED_PROXIES).toBe(2);
    expect(() => parseEnv({ BELLHOP_TRUSTED_PROXIES: "yes" })).toThrow(
      /BELLHOP_TRUSTED_PROXIES: must be the number of proxies in front of Bellhop, 0 to 10/,
    );
  });
});

describe("BELLHOP_LATE_LIMIT", () => {
  it("defaults to one hour, takes a duration with its unit, and names itself otherwise", () => {
    expect(parseEnv({}).BELLHOP_LATE_LIMIT).toBe(3_600_000);
    expect(parseEnv({ BELLHOP_LATE_LIMIT: "30m" }).BELLHOP_LATE_LIMIT).toBe(1_800_000);
    expect(parseEnv({ BELLHOP_LATE_LIMIT: "90s" }).BELLHOP_LATE_LIMIT).toBe(90_000);
    for (const value of ["60", "1d", "200h"]) {
      expect(() => parseEnv({ BELLHOP_LATE_LIMIT: value })).toThrow(
        /BELLHOP_LATE_LIMIT: must be a duration such as 30m, 1h or 90s/,
      );
    }
  });
});

describe("BELLHOP_SCHEDULE_RATE", () => {
  it("defaults to 10 sends a second, takes 1 to 300 (Callbell's limit, as a broadcast's pace), and names itself otherwise", () => {
    expect(parseEnv({}).BELLHOP_SCHEDULE_RATE).toBe(10);
    expect(parseEnv({ BELLHOP_SCHEDULE_RATE: "" }).BELLHOP_SCHEDULE_RATE).toBe(10);
    expect(parseEnv({ BELLHOP_SCHEDULE_RATE: "1" }).BELLHOP_SCHEDULE_RATE).toBe(1);
    expect(parseEnv({ BELLHOP_SCHEDULE_RATE: " 300 " }).BELLHOP_SCHEDULE_RATE).toBe(300);
    for (const [value, problem] of [
      ["0", "must be at least 1"],
      ["301", "must be at most 300"],
      ["2.5", "must be a whole number of sends per second"],
      ["fast", "must be a whole number of sends per second"],
    ]) {
      expect(() => parseEnv({ BELLHOP_SCHEDULE_RATE: value })).toThrow(`BELLHOP_SCHEDULE_RATE: ${problem}`);
    }
  });
});
