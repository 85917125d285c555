import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { parseAuditView } from "@/lib/audit/audit-request";
import { requireAdmin } from "@/lib/auth/session";
import { listAuditEntries } from "@/lib/db/audit-queries";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/account-queries";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin("/audit");
  const view = parseAuditView(await searchParams);
  const db = await getDb();
  const [page, accounts] = await Promise.all([
    listAuditEntries(db, { actor: view.person, kind: view.kind, before: view.before, after: view.after }),
    listAccounts(db),
  ]);
  return (
    <div className="grid grid-cols-1 gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit</h1>
        <p className="text-sm text-muted-foreground">
          Who did what, when and from which address, newest first. Entries are never changed or removed.
        </p>
      </div>
      <AuditFilters view={view} people={accounts.map((account) => account.email)} />
      {page.rows.length === 0 && !page.newer && !page.older ? (
        <div className="rounded-lg border border-dashed p-10 text-center">
          <p className="font-medium">
            {view.person || view.kind ? "No entry matches these filters" : "Nothing recorded yet"}
          </p>
        </div>
      ) : (
        <AuditTable page={page} view={view} />
      )}
    </div>
  );
}
