import { z } from "zod";

/** A pasted Callbell token: surrounding spaces are dropped; anything else that cannot be a token is refused. */
export const tokenSchema = z
  .string({ message: "Paste the API token from Callbell (Settings → API)" })
  .trim()
  .min(1, "Paste the API token from Callbell (Settings → API)")
  .max(500, "This is longer than any Callbell token (at most 500 characters)")
  .regex(
    /^[\x21-\x7e]+$/,
    "A token has no spaces, line breaks or accents: paste it again, exactly as Callbell shows it",
  );

/** What the token form hears back. It never carries the token: at most its last 4 characters. */
export type TokenFormState = {
  fieldError?: string;
  message?: string;
  /** Checked with `GET /auth/me` and not yet saved. */
  checked?: { email: string; name: string; masked: string };
  saved?: { email: string; masked: string };
};

export type ModeFormState = { message?: string };
