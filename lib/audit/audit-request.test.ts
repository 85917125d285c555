import { describe, expect, it } from "vitest";
import { auditHref, parseAuditView } from "./audit-request";

describe("the /audit address", () => {
  it("keeps the filters it can read and one cursor, and drops the rest", () => {
    expect(parseAuditView({ person: " Kim@x.test ", kind: "sign-in", before: "40" })).toEqual({
      person: "Kim@x.test",
      kind: "sign-in",
      before: 40,
    });
    expect(parseAuditView({ kind: "drop-table", before: "-1", after: "x" })).toEqual({});
    expect(parseAuditView({ before: "12", after: "30" })).toEqual({ before: 12 });
    expect(parseAuditView({ person: ["a@x.test", "b@x.test"], after: "7" })).toEqual({
      person: "a@x.test",
      after: 7,
    });
  });

  it("writes a view back as the same address", () => {
    const view = { person: "kim+1@x.test", kind: "export-downloaded" as const, after: 9 };
    expect(auditHref(view)).toBe("/audit?person=kim%2B1%40x.test&kind=export-downloaded&after=9");
    expect(parseAuditView(Object.fromEntries(new URL(auditHref(view), "http://x").searchParams))).toEqual(
      view,
    );
    expect(auditHref({})).toBe("/audit");
  });
});
