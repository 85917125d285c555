/**
 * WhatsApp's own formatting (`*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````) parsed into a tree of text
 * nodes. The preview renders the tree as elements, so nothing typed is ever interpreted as HTML.
 */
export type FormatStyle = "bold" | "italic" | "strike" | "mono";
export type FormatNode = { kind: "text"; text: string } | { kind: FormatStyle; children: FormatNode[] };

const MARKERS: Record<string, Exclude<FormatStyle, "mono">> = { "*": "bold", _: "italic", "~": "strike" };
const MONO_FENCE = "```";

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
/** A marker only counts beside a word's edge: `2*3*4` and `snake_case_name` stay as typed. */
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

export function parseWhatsAppFormatting(input: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let rest = input;
  // Monospace wins over everything and is never formatted inside.
  for (;;) {
    const open = rest.indexOf(MONO_FENCE);
    const close = open === -1 ? -1 : rest.indexOf(MONO_FENCE, open + MONO_FENCE.length + 1);
    if (close === -1) break;
    pushAll(nodes, parseInline(rest.slice(0, open)));
    nodes.push({ kind: "mono", children: [{ kind: "text", text: rest.slice(open + 3, close) }] });
    rest = rest.slice(close + MONO_FENCE.length);
  }
  pushAll(nodes, parseInline(rest));
  return nodes;
}

function parseInline(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const style = MARKERS[char];
    const close = style ? findClosing(text, i) : -1;
    if (style && close !== -1) {
      if (literal) nodes.push({ kind: "text", text: literal });
      literal = "";
      nodes.push({ kind: style, children: parseInline(text.slice(i + 1, close)) });
      i = close + 1;
    } else {
      literal += char;
      i += 1;
    }
  }
  if (literal) nodes.push({ kind: "text", text: literal });
  return nodes;
}

/** Where the marker opened at `open` closes on the same line, or -1 when it stays a plain character. */
function findClosing(text: string, open: number): number {
  const marker = text[open];
  if (isWordChar(text[open - 1])) return -1;
  const first = text[open + 1];
  if (first === undefined || isSpace(first) || first === marker) return -1;
  for (let j = open + 2; j < text.length; j += 1) {
    const char = text[j];
    if (char === "\n") return -1;
    if (char === marker && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) return j;
  }
  return -1;
}

function pushAll(target: FormatNode[], nodes: FormatNode[]) {
  for (const node of nodes) {
    const previous = target.at(-1);
    if (node.kind === "text" && previous?.kind === "text") previous.text += node.text;
    else target.push(node);
  }
}

/** The text without its markers, as a screen reader or a notification shows it. */
export function plainText(nodes: FormatNode[]): string {
  return nodes.map((node) => (node.kind === "text" ? node.text : plainText(node.children))).join("");
}
