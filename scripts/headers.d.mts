export declare const crossOriginIsolationHeaders: Record<string, string>;
