import type { Metadata } from "next";
import { HistoryTable } from "@/components/history/history-table";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage() {
  await requireUser("/history");
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">History</h1>
        <p className="text-sm text-muted-foreground">
          Every send, newest first, with its Callbell uuid and status.
        </p>
      </div>
      <QueryProvider>
        <HistoryTable />
      </QueryProvider>
    </div>
  );
}
