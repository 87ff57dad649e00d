import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Builds the production bundle and serves it with `vite preview` (production
 * headers) on a free port. `mode: 'bench'` builds and serves the in-browser
 * benchmark page (bench/browser/index.html) instead of the app.
 */
export async function startAppServer(options: { mode?: 'production' | 'bench' } = {}): Promise<AppServer> {
  const mode = options.mode ?? 'production';
  await build({ root: ROOT, mode, logLevel: 'warn' });
  const server: PreviewServer = await preview({ root: ROOT, mode, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
