/**
 * Raw events on the pages: pretty-printed when that is safe. Indenting a deeply nested value costs the square of its
 * depth (a 6 KB event nested 3,000 deep prints as 36 MB), so a value nested deeper than `MAX_PRETTY_DEPTH`, or longer
 * than `MAX_PRETTY_CHARS`, is shown as stored, cut at that length.
 */
export const MAX_PRETTY_DEPTH = 20;
export const MAX_PRETTY_CHARS = 20_000;

/** How deeply a parsed JSON value nests (a scalar is 0, `{}` and `[]` are 1), without recursion. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAbove) return deepest;
    for (const child of Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}

export function prettyJson(json: string | null): string | null {
  if (!json) return null;
  const cut = (text: string) =>
    text.length > MAX_PRETTY_CHARS
      ? `${text.slice(0, MAX_PRETTY_CHARS)}… (${(text.length - MAX_PRETTY_CHARS).toLocaleString("en")} more characters)`
      : text;
  if (json.length > MAX_PRETTY_CHARS) return cut(json);
  try {
    const parsed: unknown = JSON.parse(json);
    if (jsonDepth(parsed, MAX_PRETTY_DEPTH) > MAX_PRETTY_DEPTH) return json;
    return cut(JSON.stringify(parsed, null, 2));
  } catch {
    return json;
  }
}
