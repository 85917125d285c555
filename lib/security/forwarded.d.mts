export declare const MAX_TRUSTED_PROXIES: number;
export declare function parseTrustedProxies(text: string | undefined): number;
export declare function normalizeAddress(text: unknown): string | null;
export type ForwardedRequest = {
  headers: Record<string, string | string[] | undefined>;
  socketAddress: string | undefined;
  encrypted: boolean;
};
export declare function resolveForwarded(
  request: ForwardedRequest,
  trustedProxies: number,
): { address: string; host: string; proto: "http" | "https" };
export declare const FORWARDING_HEADERS: string[];
export declare function originForm(url: string): string;
