/**
 * Where model files come from. The registry only needs bytes by file name, so
 * the browser (HTTP) and Node (file system, see src/node/fsModelSource.ts)
 * plug in the same way and the browser bundle never imports node modules.
 */

export interface ModelSource {
  /** Human-readable location of a file, used in error messages. */
  describe(file: string): string;
  /**
   * Bytes of a file relative to the models root, or `null` when it does not
   * exist. Other failures (network, permissions) throw.
   */
  read(file: string): Promise<Uint8Array | null>;
  /** What to tell the user when a file is missing or corrupt. */
  readonly fix: string;
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * Source for a served models folder, e.g. `httpModelSource('/models/')`.
 * Vite serves `models/` (populated by `npm run models:install`).
 */
export function httpModelSource(baseUrl: string, fetchFn: FetchLike = (u, i) => fetch(u, i)): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    describe: (file) => `${base}${file}`,
    fix: 'run `npm run models:install` on the server and reload',
    async read(file) {
      const response = await fetchFn(`${base}${file}`);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${base}${file}: HTTP ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
