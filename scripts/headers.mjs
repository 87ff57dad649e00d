/**
 * Security headers for `vite preview` / `vite dev`.
 *
 * - COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer is
 *   available and the WASM backend can use threads.
 * - The CSP allows nothing but this origin. `wasm-unsafe-eval` is needed to
 *   compile the TF.js WASM binaries; `blob:` workers/scripts are the WASM
 *   backend's pthread workers, which it starts from a Blob of its own code.
 *   Styles allow inline attributes because Svelte sets style="" on elements.
 *   With `connect-src 'self'`, models can only come from ./models/ — the
 *   coco-ssd CDN URL is blocked by design and the app falls back to CenterNet.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' blob: data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Production headers: isolation + CSP + a few hardening defaults. */
export const securityHeaders = {
  ...crossOriginIsolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};
