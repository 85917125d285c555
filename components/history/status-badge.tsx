import { Badge } from "@/components/ui/badge";

const VARIANTS: Record<string, "success" | "warning" | "destructive" | "secondary"> = {
  enqueued: "secondary",
  sent: "secondary",
  delivered: "success",
  read: "success",
  sending: "warning",
  unknown: "warning",
  mismatch: "warning",
  rejected: "destructive",
  failed: "destructive",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANTS[status] ?? "secondary"}>{status}</Badge>;
}
