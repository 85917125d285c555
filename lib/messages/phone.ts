/** Callbell wants E.164 with a leading `+`; people type spaces, dashes, dots, brackets and `00`. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s\-.()]/g, "");
  return compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
}

export function isValidPhone(normalized: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(normalized);
}
