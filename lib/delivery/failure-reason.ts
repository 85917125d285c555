/**
 * Why a message failed, in words, from Callbell's raw status payload. callbell-api.md: most likely
 * `messageStatusPayload.payload.reason` with a numeric `code`; otherwise look in reason, error, message, description,
 * title (at any depth, arrays included) before falling back to the raw JSON.
 */
const WORD_KEYS = ["reason", "error", "message", "description", "title", "details"] as const;
const MAX_RAW = 300;
/** A reason in words is kept to this many characters: it is shown on every history row and exported. */
export const MAX_REASON = 500;

type Found = { text: string; code?: string };

function codeOf(node: Record<string, unknown>): string | undefined {
  const code = node.code ?? node.error_code ?? node.errorCode;
  return typeof code === "number" || (typeof code === "string" && code.trim() !== "")
    ? String(code)
    : undefined;
}

function search(node: unknown, depth: number): Found | null {
  if (depth > 6 || node === null || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = search(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  for (const key of WORD_KEYS) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "" && !/^(failed|error)$/i.test(value.trim())) {
      return { text: value.trim(), code: codeOf(record) };
    }
  }
  // Nested first where the documentation says it most likely is, then everything else.
  const keys = ["payload", ...WORD_KEYS, ...Object.keys(record)];
  for (const key of new Set(keys)) {
    const found = search(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function failureReason(payload: unknown): string | null {
  if (payload === undefined || payload === null) return null;
  const found = search(payload, 0);
  if (found) {
    const text = found.text.length > MAX_REASON ? `${found.text.slice(0, MAX_REASON)}…` : found.text;
    return found.code ? `${text} (code ${found.code.slice(0, 40)})` : text;
  }
  const raw = JSON.stringify(payload);
  if (!raw || raw === "{}" || raw === "[]") return null;
  return raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}…` : raw;
}
