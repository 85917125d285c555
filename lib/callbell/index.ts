/**
 * Callbell's API as Bellhop needs it: the client, its errors, the wire types and the retry policy. It stands alone
 * (no database, settings or auth): which account it speaks to is `lib/settings/callbell-connection.ts`'s business.
 */
export { createCallbellClient, type CallbellClient, type CallbellClientOptions } from "./client";
export { CallbellError, isCallbellError } from "./errors";
export type * from "./types";
