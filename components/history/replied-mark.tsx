import { Moment } from "@/components/ui/moment";
import { cn } from "@/lib/utils";

/** A curved arrow back, as mail and chat apps mark an answered message. */
export function ReplyIcon({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn("size-3.5 shrink-0", className)}
    >
      <path d="M6.5 3.5 2.5 7.5l4 4" />
      <path d="M2.5 7.5h6.5a4.5 4.5 0 0 1 4.5 4.5v.5" />
    </svg>
  );
}

/** "↩ replied 3 minutes ago" on a history row: the customer answered this send (its first reply's time). */
export function RepliedMark({ at, className }: { at: string; className?: string }) {
  return (
    <span
      data-testid="replied"
      className={cn("inline-flex items-center gap-1 text-sky-700 dark:text-sky-300", className)}
    >
      <ReplyIcon />
      replied <Moment iso={at} plain />
    </span>
  );
}
