import type { AuditKind } from "@/lib/db/constants";
import { parseId } from "@/lib/utils";
import { isAuditKind } from "./describe";

/** What `/audit?person=…&kind=…&before=…|after=…` asks for; anything unreadable is left out. */
export type AuditView = { person?: string; kind?: AuditKind; before?: number; after?: number };

export function parseAuditView(params: Record<string, string | string[] | undefined>): AuditView {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const person = one("person")?.slice(0, 320);
  const kind = one("kind");
  const before = parseId(one("before"));
  const after = parseId(one("after"));
  return {
    ...(person ? { person } : {}),
    ...(isAuditKind(kind) ? { kind } : {}),
    ...(before ? { before } : after ? { after } : {}),
  };
}

/** The address of a view: the filters, and at most one cursor. */
export function auditHref(view: AuditView): string {
  const params = new URLSearchParams();
  if (view.person) params.set("person", view.person);
  if (view.kind) params.set("kind", view.kind);
  if (view.before) params.set("before", String(view.before));
  else if (view.after) params.set("after", String(view.after));
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}
