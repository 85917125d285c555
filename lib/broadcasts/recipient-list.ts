import {
  countTemplateVariables,
  templateMediaHeader,
  type TemplateMediaHeader,
  type TemplateSummary,
} from "@/lib/messages/template";

/**
 * A broadcast's list as parsed (header row and cells), how its columns map to the template, and the report that
 * comes out: the recipients to send to, the rows that cannot be sent and why, and duplicates merged. Pure: it runs in
 * the browser's worker for the report, and again on the server before anything is stored.
 */
export type ParsedList = { header: string[]; rows: string[][] };

export type ColumnMapping = {
  /** Column index of the phone number. */
  phone: number;
  /** Column index of each template value, in placeholder order ({{1}}, {{2}}, …). */
  values: number[];
  /** Column index of the media URL, or null to use one fixed URL for every row. */
  mediaUrl: number | null;
};

export type ListRules = {
  variableCount: number;
  /** The template has a media header: every row needs a URL (its own column, or the fixed one). */
  needsMedia: boolean;
  /** The header's kind (image, video, document): a link to another type of file is refused. */
  mediaKind?: TemplateMediaHeader | null;
  fixedMediaUrl: string;
};

export type Recipient = {
  /** The row's number in the file, counting the header as row 1 (as a spreadsheet shows it). */
  rowNumber: number;
  phone: string;
  values: string[];
  mediaUrl: string | null;
  /** How many rows of the list had this same phone number and values (1: no duplicate). */
  copies: number;
};

export type RowProblem = { rowNumber: number; phone: string; problems: string[] };

export type ListReport = {
  recipients: Recipient[];
  invalid: RowProblem[];
  /**
   * Rows merged into an earlier row with the same phone number and values. (A row with the same number and other
   * values is a conflict: left out, in `invalid`.) Recipients, invalid rows and duplicates add up to every row.
   */
  duplicates: number;
  /** Phone numbers that appear with different values: the first row is kept, the others are reported. */
  conflicts: number;
  /** Rows with something in cells past the header's columns, which no column maps: how many, and the first few. */
  longRows?: { count: number; first: number[] };
  totalRows: number;
};

/** Where the list's rules come from: the template's placeholders and media header. */
export function rulesFor(template: TemplateSummary, fixedMediaUrl: string): ListRules {
  return {
    variableCount: countTemplateVariables(template.text),
    needsMedia: templateMediaHeader(template) !== null,
    mediaKind: templateMediaHeader(template),
    fixedMediaUrl,
  };
}

const PHONE_HEADER =
  /^(phone|phone[ _-]?number|number|mobile|msisdn|to|recipient|whatsapp|tel(ephone)?|bsuid)$/i;
const MEDIA_HEADER = /^(media|media[ _-]?url|url|image|document|file|video|header)$/i;
const VALUE_HEADER = /^(?:var(?:iable)?|value)?\s*[_ -]?\s*\{{0,2}\s*(\d{1,2})\s*\}{0,2}$/i;

/** A first guess of the mapping from the header row: "phone", "{{1}}"/"var1"/"1", "media_url"; else left to right. */
export function guessMapping(
  header: string[],
  rules: Pick<ListRules, "variableCount" | "needsMedia">,
): ColumnMapping {
  const names = header.map((name) => name.trim());
  let phone = names.findIndex((name) => PHONE_HEADER.test(name));
  if (phone < 0) phone = 0;
  const media = rules.needsMedia
    ? names.findIndex((name, index) => index !== phone && MEDIA_HEADER.test(name))
    : -1;
  const taken = new Set([phone, media]);
  const values: number[] = [];
  for (let n = 1; n <= rules.variableCount; n += 1) {
    const numbered = names.findIndex(
      (name, index) => !taken.has(index) && VALUE_HEADER.exec(name)?.[1] === String(n),
    );
    values.push(numbered);
    if (numbered >= 0) taken.add(numbered);
  }
  // Values without a numbered header take the remaining columns, left to right.
  const free = names.map((_, index) => index).filter((index) => !taken.has(index));
  for (let i = 0; i < values.length; i += 1) if (values[i]! < 0) values[i] = free.shift() ?? -1;
  return { phone, values, mediaUrl: media >= 0 ? media : null };
}

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const restWords =
    rest < 20 ? ONES[rest]! : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${ONES[rest % 10]}` : ""}`;
  if (hundreds === 0) return restWords;
  return `${ONES[hundreds]} hundred${rest ? ` ${restWords}` : ""}`;
}

/** A count in words, for the confirmation ("one thousand two hundred thirty-four"). */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 1000) return below1000(n);
  if (n < 1_000_000) {
    const thousands = Math.floor(n / 1000);
    const rest = n % 1000;
    return `${below1000(thousands)} thousand${rest ? ` ${below1000(rest)}` : ""}`;
  }
  return n.toLocaleString("en");
}
