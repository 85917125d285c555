import { describe, expect, it } from "vitest";
import { AUDIT_KINDS } from "@/lib/db/constants";
import { AUDIT_KIND_LABELS, describeAuditDetail, isAuditKind } from "./describe";

describe("an audit entry in words", () => {
  it("names every kind, each differently", () => {
    const labels = AUDIT_KINDS.map((kind) => AUDIT_KIND_LABELS[kind]);
    expect(labels.every(Boolean)).toBe(true);
    expect(new Set(labels).size).toBe(AUDIT_KINDS.length);
    expect(isAuditKind("broadcast-paused")).toBe(true);
    expect(isAuditKind("delete-everything")).toBe(false);
  });

  it("says why a sign-in failed, throttled ones included", () => {
    expect(describeAuditDetail("sign-in-failed", '{"reason":"wrong-password"}')).toBe("wrong password");
    expect(describeAuditDetail("sign-in-failed", '{"reason":"unknown-account"}')).toBe(
      "no account has this email",
    );
    expect(
      describeAuditDetail("sign-in-failed", '{"reason":"throttled","by":"account","waitSeconds":30}'),
    ).toBe("Refused before the password was tried: too many failed sign-ins for this account (wait 30 s)");
  });

  it("says what changed: a role, a mode, a token's account, a broadcast, an export's filters", () => {
    expect(
      describeAuditDetail("user-role-changed", '{"email":"kim@x.test","from":"agent","to":"admin"}'),
    ).toBe("kim@x.test: agent → admin");
    expect(
      describeAuditDetail("mode-switched", '{"from":"live","to":"sandbox","because":"token-removed"}'),
    ).toBe("live → sandbox (the token was removed)");
    expect(describeAuditDetail("token-checked", '{"accepted":true,"account":"stub@example.com"}')).toBe(
      "Callbell accepted it: account stub@example.com",
    );
    expect(describeAuditDetail("token-checked", '{"accepted":false}')).toBe("Callbell refused it");
    // Callbell unreachable: the token was not judged, and the trail must not say it was refused.
    expect(describeAuditDetail("token-checked", '{"accepted":false,"unchecked":true,"via":"save"}')).toBe(
      "Callbell could not be asked, so it was not saved",
    );
    expect(
      describeAuditDetail(
        "broadcast-created",
        '{"broadcastId":7,"name":"Order ready, 3 recipients","recipients":3}',
      ),
    ).toBe("broadcast 7 “Order ready, 3 recipients”, 3 recipients");
    expect(describeAuditDetail("broadcast-paused", '{"broadcastId":7,"name":"Promo"}')).toBe(
      "broadcast 7 “Promo”",
    );
    expect(
      describeAuditDetail(
        "export-downloaded",
        '{"export":"history","filters":{"status":"failed","type":"text"}}',
      ),
    ).toBe("history: status failed, type text");
    expect(describeAuditDetail("export-downloaded", '{"export":"history","filters":{}}')).toBe(
      "history: every send",
    );
    expect(
      describeAuditDetail(
        "export-downloaded",
        '{"export":"broadcast-report","broadcastId":7,"name":"Promo","state":"failed"}',
      ),
    ).toBe("report of broadcast 7 “Promo”, failed rows");
  });

  it("shows a detail it cannot read as it is stored", () => {
    expect(describeAuditDetail("user-added", "not json")).toBe("not json");
  });
});
