import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

export const INVALID_EMAIL = "Enter a valid email address, like name@example.com";

/**
 * An email field: `missing` when nothing is typed (whose address it is depends on the form: "your" on sign-in, "the
 * new user's" on Users), the same sentence for anything typed that is not an address.
 */
export function emailField(missing: string) {
  return z
    .email({
      error: (issue) => (typeof issue.input === "string" && issue.input.trim() ? INVALID_EMAIL : missing),
    })
    .max(254, "At most 254 characters");
}

/** What the sign-in and setup forms post, checked on the server. */
export const credentialsSchema = z.object({
  email: emailField("Enter your email address"),
  password: z.string().min(1, "Enter your password").max(256, "At most 256 characters"),
});

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, "At most 256 characters");

/** What a credentials form shows after a post: a message, the field errors, and the email to keep. */
export type CredentialsState = {
  message?: string;
  fieldErrors?: { email?: string; password?: string };
  email?: string;
};

/** What the admins' "Add a user" form shows after a post. */
export type AddUserState = {
  message?: string;
  /** What was typed, kept after a refusal (React resets a form after its action). */
  email?: string;
  role?: string;
  added?: string;
  fieldErrors?: { email?: string; password?: string; role?: string };
};

/** The first message per field of a failed parse, for errors shown next to their fields. */
export function firstErrorPerField<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const fieldErrors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) fieldErrors[issue.path[0] as Field] ??= issue.message;
  return fieldErrors;
}

/** Stands for Bellhop's own origin while a `next` is parsed; never shown or followed. */
const OWN_ORIGIN = "http://bellhop.invalid";

/**
 * Where to go after signing in: a path on this site only. The value is read as a browser reads an address, by the URL
 * parser, which drops tabs and line breaks (`/\t/evil.example` becomes `//evil.example`) and takes `/\host` for
 * `//host`. Only a result on Bellhop's own origin is kept, and it is returned as the parser wrote it, so no character
 * a browser would read differently (nor a line break that would break the redirect header) survives.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/compose";
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return "/compose";
  }
  if (url.origin !== OWN_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) {
    return "/compose";
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
