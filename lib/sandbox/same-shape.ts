/**
 * Compares an answer with a documented example by shape, not by value: objects by their keys, arrays by their
 * items, leaves by type. Each difference names its path, e.g. `channels[0].discardedAt: expected boolean, got undefined`.
 */
export type ShapeOptions = {
  /** Paths (array items written `[]`, e.g. `contact.bsuid`) whose key may be absent on either side. */
  optional?: readonly string[];
  /** Paths whose value may be null where the example shows a value (a BSUID-only contact has no phone number). */
  nullable?: readonly string[];
  /** Paths of objects keyed by data (custom fields): any keys, each value shaped like the example's values. */
  maps?: readonly string[];
};

type Context = { path: string; pattern: string; optional: Set<string>; options: ShapeOptions; out: string[] };

const kindOf = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const isRecord = (value: unknown): value is Record<string, unknown> => kindOf(value) === "object";
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function shapeDifferences(expected: unknown, actual: unknown, options: ShapeOptions = {}): string[] {
  const out: string[] = [];
  compare(expected, actual, { path: "", pattern: "", optional: new Set(options.optional), options, out });
  return out;
}

function compare(expected: unknown, actual: unknown, at: Context) {
  const label = at.path || "(root)";
  const expectedKind = kindOf(expected);
  const actualKind = kindOf(actual);
  if (expectedKind === "null") {
    // The docs show null where a value is unset (avatarUrl, assignedUser): null or any scalar fits there.
    if (["object", "array", "undefined"].includes(actualKind))
      at.out.push(`${label}: expected null or a scalar, got ${actualKind}`);
    return;
  }
  if (actualKind === "null" && at.options.nullable?.includes(at.pattern)) return;
  if (expectedKind !== actualKind) {
    at.out.push(`${label}: expected ${expectedKind}, got ${actualKind}`);
    return;
  }
  if (expectedKind === "array") compareArray(expected as unknown[], actual as unknown[], at);
  else if (expectedKind === "object")
    compareObject(expected as Record<string, unknown>, actual as object, at);
}

function compareArray(expected: unknown[], actual: unknown[], at: Context) {
  if (expected.length === 0) return;
  // An empty answer would make every check below pass without looking at anything.
  if (actual.length === 0) {
    at.out.push(`${at.path || "(root)"}: expected items shaped like the example's, got an empty array`);
    return;
  }
  const pattern = `${at.pattern}[]`;
  let model = expected[0];
  const optional = new Set(at.optional);
  if (expected.every(isRecord)) {
    // Items of one list may differ (a note has no uuid): a key only some documented items have is optional.
    const merged: Record<string, unknown> = {};
    for (const item of expected)
      for (const [key, value] of Object.entries(item)) if (!(key in merged)) merged[key] = value;
    for (const key of Object.keys(merged))
      if (!expected.every((item) => key in item)) optional.add(child(pattern, key));
    model = merged;
  }
  actual.forEach((item, index) =>
    compare(model, item, { ...at, path: `${at.path}[${index}]`, pattern, optional }),
  );
}

function compareObject(expected: Record<string, unknown>, actual: object, at: Context) {
  const record = actual as Record<string, unknown>;
  if (at.options.maps?.includes(at.pattern)) {
    const model = Object.values(expected)[0];
    if (model !== undefined) {
      for (const [key, value] of Object.entries(record))
        compare(model, value, { ...at, path: child(at.path, key), pattern: child(at.pattern, key) });
    }
    return;
  }
  for (const key of new Set([...Object.keys(expected), ...Object.keys(record)])) {
    const path = child(at.path, key);
    const pattern = child(at.pattern, key);
    const inExpected = key in expected;
    const inActual = key in record;
    if (inExpected && inActual) compare(expected[key], record[key], { ...at, path, pattern });
    else if (at.optional.has(pattern)) continue;
    else if (inExpected) at.out.push(`${path}: expected ${kindOf(expected[key])}, got undefined`);
    else at.out.push(`${path}: not in the documented example (got ${kindOf(record[key])})`);
  }
}
