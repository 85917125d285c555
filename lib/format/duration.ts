/**
 * A length of time as people say it: "45 s", "3 min 20 s", "2 h 5 min", "1 h", "3 days 4 h" (the wizard's estimate,
 * the time left, a countdown, the late limit). Two units at most, and no empty second one ("1 h", not "1 h 0 min").
 */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return join(`${minutes} min`, whole % 60, "s");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return join(`${hours} h`, minutes % 60, "min");
  return join(`${Math.floor(hours / 24)} days`, hours % 24, "h");
}

const join = (first: string, rest: number, unit: string) => (rest === 0 ? first : `${first} ${rest} ${unit}`);

/** `BELLHOP_LATE_LIMIT` in words: "1 h", "30 min", "90 s". */
export const formatLateLimit = (ms: number) => formatSeconds(ms / 1000);
