import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The stored Callbell token is sealed with AES-256-GCM. The key is derived from the server's secret with HKDF, so the
 * secret that signs sessions never doubles as an encryption key, and the ciphertext is useless without the secret.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url; a new random 12-byte IV for every seal.
 */
const VERSION = "v1";
const AAD = Buffer.from("bellhop:callbell-token");

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "bellhop-settings", "callbell-token-aes-256-gcm", 32));
}

export function sealToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The token, or null when the value was sealed with another secret, altered, or is not a sealed value at all. */
export function openToken(sealed: string, secret: string): string | null {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/** How a token is shown anywhere: its last 4 characters only. */
export function maskToken(token: string): string {
  return `••••${token.slice(-4)}`;
}
