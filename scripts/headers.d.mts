export declare const contentSecurityPolicy: string;
export declare const crossOriginIsolationHeaders: Record<string, string>;
export declare const securityHeaders: Record<string, string>;
