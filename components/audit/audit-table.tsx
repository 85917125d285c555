import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Moment } from "@/components/ui/moment";
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
            <TableHead className="max-sm:hidden">Time</TableHead>
            <TableHead className="max-sm:hidden">Person</TableHead>
            <TableHead>What</TableHead>
            <TableHead className="max-sm:hidden">Address</TableHead>
            <TableHead className="max-sm:hidden">Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((entry) => {
            const iso = entry.at.toISOString();
            const person = (
              <>
                {entry.actorEmail}
                {entry.actorId === null && <span className="block text-muted-foreground">no account</span>}
              </>
            );
            const details = describeAuditDetail(entry.kind, entry.detail);
            return (
              <TableRow key={entry.id} data-audit-id={entry.id} data-kind={entry.kind}>
                <TableCell className="text-xs whitespace-nowrap max-sm:hidden">
                  <Moment iso={iso} />
                </TableCell>
                <TableCell className="text-xs max-sm:hidden">{person}</TableCell>
                <TableCell className="sm:whitespace-nowrap">
                  {AUDIT_KIND_LABELS[entry.kind] ?? entry.kind}
                  {/* A phone has no room for five columns: the entry is told in this one, line by line. */}
                  <div className="mt-1 space-y-0.5 text-xs break-words text-muted-foreground sm:hidden">
                    <div className="text-foreground">{person}</div>
                    <div>
                      <Moment iso={iso} plain /> · <span className="font-mono">{entry.address}</span>
                    </div>
                    {details && <div>{details}</div>}
                  </div>
                </TableCell>
                <TableCell className="font-mono text-xs max-sm:hidden">{entry.address}</TableCell>
                <TableCell className="min-w-48 text-xs max-sm:hidden">{details}</TableCell>
              </TableRow>
            );
          })}
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
