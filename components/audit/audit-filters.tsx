import Link from "next/link";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { AUDIT_KIND_LABELS } from "@/lib/audit/describe";
import type { AuditView } from "@/lib/audit/audit-request";
import { AUDIT_KINDS } from "@/lib/db/constants";

/**
 * The trail's filters: a plain GET form, so they work without JavaScript and live in the address. `Person` takes any
 * email (a failed sign-in may name one no account has); the accounts are offered.
 */
export function AuditFilters({ view, people }: { view: AuditView; people: string[] }) {
  const filtered = Boolean(view.person || view.kind);
  return (
    // Keyed by the view, so that following a link (Clear filters) puts the new values in the fields.
    <form
      key={`${view.person ?? ""}|${view.kind ?? ""}`}
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit trail"
      className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <Field>
        <FieldLabel htmlFor="audit-person">Person</FieldLabel>
        <Input
          id="audit-person"
          name="person"
          type="search"
          inputMode="email"
          autoComplete="off"
          placeholder="Email"
          list="audit-people"
          defaultValue={view.person ?? ""}
        />
        <datalist id="audit-people">
          {people.map((email) => (
            <option key={email} value={email} />
          ))}
        </datalist>
      </Field>
      <Field>
        <FieldLabel htmlFor="audit-kind">Kind</FieldLabel>
        <NativeSelect id="audit-kind" name="kind" defaultValue={view.kind ?? ""}>
          <option value="">All kinds</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {AUDIT_KIND_LABELS[kind]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="outline">
          Apply filters
        </Button>
        {filtered && (
          <Link href="/audit" className={buttonClassName({ variant: "ghost" })}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
