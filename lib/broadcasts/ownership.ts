import type { UserRole } from "@/lib/db/constants";

/**
 * Who may pause, resume or cancel a broadcast: the person who started it, or an admin. Everyone signed in may watch
 * every broadcast; stopping someone else's is not an agent's call.
 */
export function mayControlBroadcast(
  user: { id: string; role: UserRole },
  broadcast: { createdById: string | null },
): boolean {
  return user.role === "admin" || (broadcast.createdById !== null && broadcast.createdById === user.id);
}
