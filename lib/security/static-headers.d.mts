export declare const STATIC_SECURITY_HEADERS: Record<string, string>;
export declare const MAX_REQUEST_BODY_BYTES: number;
