/**
 * A follow-up broadcast's choices, shared by the broadcast's page and /broadcasts/new: how long after its message a
 * row counts as "did not read" or "did not reply" (0: whatever has happened by now).
 */
export const FOLLOW_UP_AFTER_MINUTES = [0, 60, 240, 1_440, 2_880, 4_320] as const;
export const DEFAULT_FOLLOW_UP_AFTER_MINUTES = 1_440;

/** A wait in words: "right away", "1 hour", "4 hours", "1 day", "3 days". */
export function followUpAfterLabel(minutes: number): string {
  if (minutes === 0) return "right away";
  if (minutes % 1_440 === 0) return minutes === 1_440 ? "1 day" : `${minutes / 1_440} days`;
  return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
}

/** Which rows a follow-up takes, in the words of its link (`New broadcast from rows that did not read`). */
export const FOLLOW_UP_WORDS = {
  unread: "rows that did not read",
  unreplied: "rows that did not reply",
} as const;

export type FollowUpChoice = { rows: keyof typeof FOLLOW_UP_WORDS; after: number };

/** `rows=unread|unreplied&after=<minutes>` of /broadcasts/new, or null when they are not there (or not offered). */
export function readFollowUp(params: Record<string, string | string[] | undefined>): FollowUpChoice | null {
  const { rows, after } = params;
  if (rows !== "unread" && rows !== "unreplied") return null;
  const minutes = Number(after ?? DEFAULT_FOLLOW_UP_AFTER_MINUTES);
  return FOLLOW_UP_AFTER_MINUTES.some((offered) => offered === minutes) ? { rows, after: minutes } : null;
}

/** What /broadcasts/new says of a follow-up's list. */
export function followUpIntro(broadcastId: number, choice: FollowUpChoice): string {
  const wait = choice.after === 0 ? "" : `, sent at least ${followUpAfterLabel(choice.after)} ago`;
  return `The ${FOLLOW_UP_WORDS[choice.rows]} of broadcast ${broadcastId}${wait}, as a new list: check it and confirm again.`;
}
