export declare const STATIC_SECURITY_HEADERS: Record<string, string>;
export declare const MAX_REQUEST_BODY_BYTES: number;
export declare const MAX_BROADCAST_BODY_BYTES: number;
export declare function maxBodyBytes(pathname: string): number;
export declare function securityHeaders(options: { https: boolean }): Record<string, string>;
export declare const NON_PAGE_CSP: string;
