import type { SendRequest } from "./build-send-request";

/** The environment variable the curl command names instead of the token, which never reaches the browser. */
export const TOKEN_PLACEHOLDER = "$CALLBELL_API_TOKEN";

const singleQuoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * A curl command that sends exactly this body with the headers Bellhop's client sets. The token stays a shell
 * variable (double quotes, so the shell expands it); the body is single-quoted, so nothing in it is expanded.
 */
export function curlCommand(endpoint: string, body: SendRequest): string {
  return [
    `curl -X POST ${singleQuoted(endpoint)}`,
    `  -H "Authorization: Bearer ${TOKEN_PLACEHOLDER}"`,
    `  -H 'Content-Type: application/json'`,
    `  -H 'Accept: application/json'`,
    `  --data ${singleQuoted(JSON.stringify(body))}`,
  ].join(" \\\n");
}
