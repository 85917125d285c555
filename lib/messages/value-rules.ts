/**
 * The rules of single values, without zod: the compose schema, the broadcast list's worker and the server share them.
 */
import { TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES, TEMPLATE_VALUE_MAX_LENGTH } from "./limits";

/** Where each template rule is checked: on a value as the agent types, and again on the server. */
export function templateValueProblem(value: string): string | null {
  if (value.trim() === "") return "Enter a value";
  if (/[\n\t]/.test(value)) return "WhatsApp refuses new lines and tabs in a template value";
  if (new RegExp(` {${TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES + 1},}`).test(value)) {
    return `At most ${TEMPLATE_VALUE_MAX_CONSECUTIVE_SPACES} spaces in a row`;
  }
  if (value.length > TEMPLATE_VALUE_MAX_LENGTH) return `At most ${TEMPLATE_VALUE_MAX_LENGTH} characters`;
  return null;
}

/** A host Callbell cannot reach from the internet: a name for this machine or a network's own, or a private address. */
function privateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return true;
  const v4 = host.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  // IPv6: the loopback, unique local (fc00::/7) and link-local (fe80::/10) addresses.
  return (
    host === "::1" || host === "::" || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)
  );
}

export function httpsUrlProblem(value: string): string | null {
  if (value.trim() === "") return "Enter the public https URL of the file";
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:") return "Callbell fetches media from public https URLs only";
    if (privateHost(url.hostname)) {
      return `Callbell fetches the file from the internet: ${url.hostname} is not a public address`;
    }
    return null;
  } catch {
    return "Enter a full URL, such as https://example.com/photo.jpeg";
  }
}

/** The file types WhatsApp takes for each kind of media (callbell-api.md), by their names' extensions. */
export const MEDIA_EXTENSIONS = {
  image: ["jpg", "jpeg", "png"],
  video: ["mp4", "3gp"],
  audio: ["aac", "amr", "mp3", "m4a", "ogg", "opus"],
  document: ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt"],
} as const;
const MEDIA_WORDS = {
  image: "an image must be JPEG or PNG",
  video: "a video must be MP4 or 3GP",
  audio: "an audio file must be AAC, AMR, MP3, M4A or OGG",
  document: "a document must be a PDF, Word, Excel, PowerPoint or text file",
} as const;
/**
 * Extensions that name a file type for sure: one of these that is not the kind's is refused. Anything else (none, or
 * a page that serves the file, `.php`) is left to Callbell, which fetches the file and checks it.
 */
const KNOWN_EXTENSIONS = new Set<string>([
  ...Object.values(MEDIA_EXTENSIONS).flat(),
  ...["gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "heif", "avif", "ico"],
  ...["mov", "avi", "mkv", "webm", "wmv", "flv", "wav", "flac", "wma", "mid"],
  ...["exe", "msi", "dmg", "apk", "iso", "bin", "zip", "rar", "7z", "gz", "tar"],
  ...["html", "htm", "js", "css", "json", "xml", "csv", "rtf", "odt", "ods", "odp", "md"],
]);

/**
 * A media link for one kind of message (or a template's media header): public https, and not a file whose name says
 * it is of another type (`file.exe` for an image). Null when it may be sent.
 */
export function mediaUrlProblem(value: string, kind: keyof typeof MEDIA_EXTENSIONS): string | null {
  const problem = httpsUrlProblem(value);
  if (problem) return problem;
  const name = new URL(value.trim()).pathname.split("/").pop() ?? "";
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  if (KNOWN_EXTENSIONS.has(extension) && !(MEDIA_EXTENSIONS[kind] as readonly string[]).includes(extension)) {
    return `This link is a .${extension} file: ${MEDIA_WORDS[kind]}`;
  }
  return null;
}
