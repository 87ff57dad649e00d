import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

export interface AppServer {
  origin: string;
  close(): Promise<void>;
}

/** Builds the production bundle and serves it with `vite preview` on a free port. */
export async function startAppServer(): Promise<AppServer> {
  await build({ root: ROOT, logLevel: 'warn' });
  const server: PreviewServer = await preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
