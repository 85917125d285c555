/**
 * A read (or a Bellhop API read from the browser) is tried at most this many times in all. Its own module, so the
 * browser's query client takes this number without the rest of the retry policy (`retry-policy.ts`).
 */
export const READ_MAX_ATTEMPTS = 3;
