import { Badge } from "@/components/ui/badge";
import { platformLabel } from "@/lib/messages/options";

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

/**
 * A send's status. Callbell reports delivery statuses for WhatsApp only, so an enqueued message on another platform
 * says it will not move, rather than look stuck.
 */
export function StatusBadge({ status, platform }: { status: string; platform?: string }) {
  const badge = <Badge variant={VARIANTS[status] ?? "secondary"}>{status}</Badge>;
  if (status !== "enqueued" || !platform || platform === "whatsapp") return badge;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {badge}
      <span className="text-xs text-muted-foreground">
        {platformLabel(platform)} reports no delivery status
      </span>
    </span>
  );
}
