import { Badge } from "@/components/ui/badge";
import { sendStatusLabel, type BroadcastState } from "@/lib/db/constants";
import { platformLabel } from "@/lib/messages/options";

type Variant = "success" | "warning" | "destructive" | "secondary";

const VARIANTS: Record<string, Variant> = {
  scheduled: "secondary",
  cancelled: "secondary",
  missed: "destructive",
  enqueued: "secondary",
  sent: "secondary",
  delivered: "success",
  read: "success",
  sending: "warning",
  unknown: "warning",
  mismatch: "warning",
  rejected: "destructive",
  not_sent: "destructive",
  failed: "destructive",
};

/**
 * A send's status. Callbell reports delivery statuses for WhatsApp only, so an enqueued message on another platform
 * says it will not move, rather than look stuck.
 */
export function StatusBadge({ status, platform }: { status: string; platform?: string }) {
  const badge = <Badge variant={VARIANTS[status] ?? "secondary"}>{sendStatusLabel(status)}</Badge>;
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

const BROADCAST_VARIANTS = {
  scheduled: "secondary",
  running: "warning",
  paused: "secondary",
  cancelled: "destructive",
  completed: "success",
  missed: "destructive",
} as const satisfies Record<BroadcastState, Variant>;

/**
 * A broadcast's state, coloured as on the broadcast list and its page alike. `waiting`: running, but outside its
 * sending hours.
 */
export function BroadcastStateBadge({
  state,
  waiting = false,
}: {
  state: BroadcastState;
  waiting?: boolean;
}) {
  if (state === "running" && waiting)
    return <Badge variant="secondary">waiting for quiet hours to end</Badge>;
  return <Badge variant={BROADCAST_VARIANTS[state]}>{state}</Badge>;
}
