import Link from "next/link";
import { LocalTime } from "@/components/history/local-time";
import { buttonClassName } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AUDIT_KIND_LABELS, describeAuditDetail } from "@/lib/audit/describe";
import { auditHref, type AuditView } from "@/lib/audit/audit-request";
import type { AuditPage } from "@/lib/db/audit-queries";

/** One page of the trail, newest first, with links to the newer and older pages (keyset cursors in the address). */
export function AuditTable({ page, view }: { page: AuditPage; view: AuditView }) {
  const filters = { person: view.person, kind: view.kind };
  return (
    <>
      <Table aria-label="Audit trail">
        <TableHeader>
          <TableRow>
            <TableHead>Time</TableHead>
            <TableHead>Person</TableHead>
            <TableHead>What</TableHead>
            <TableHead>Address</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((entry) => (
            <TableRow key={entry.id} data-audit-id={entry.id} data-kind={entry.kind}>
              <TableCell className="text-xs whitespace-nowrap">
                <LocalTime iso={entry.at.toISOString()} />
              </TableCell>
              <TableCell className="text-xs">
                {entry.actorEmail}
                {entry.actorId === null && <span className="block text-muted-foreground">no account</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {AUDIT_KIND_LABELS[entry.kind] ?? entry.kind}
              </TableCell>
              <TableCell className="font-mono text-xs">{entry.address}</TableCell>
              <TableCell className="min-w-48 text-xs">
                {describeAuditDetail(entry.kind, entry.detail)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {(page.newer || page.older) && (
        <nav aria-label="Audit pages" className="flex gap-2">
          {page.newer && (
            <Link
              href={auditHref({ ...filters, after: page.newer })}
              className={buttonClassName({ variant: "outline", size: "sm" })}
            >
              Newer
            </Link>
          )}
          {page.older && (
            <Link
              href={auditHref({ ...filters, before: page.older })}
              className={buttonClassName({ variant: "outline", size: "sm" })}
            >
              Older
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
