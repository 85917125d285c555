import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

/** What the sign-in and setup forms post, checked on the server. */
export const credentialsSchema = z.object({
  email: z.email("Enter your email address").max(254),
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

/**
 * Where to go after signing in: a path on this site only. `//host` and `/\host` are other sites to a browser, so an
 * address like `/login?next=//evil.example` cannot send a signed-in agent away.
 */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/compose";
}
