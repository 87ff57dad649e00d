import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, createServer, preview, type PreviewServer } from 'vite';

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
  await buildOncePerRun(mode);
  const server: PreviewServer = await preview({ root: ROOT, mode, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}

/**
 * Serves the app with Vite's dev server (`npm run dev`) on a free port: Svelte
 * is compiled in dev mode, so its runtime checks run and their warnings
 * (`[svelte] …`) reach the console, which the production bundle leaves out.
 */
export async function startDevAppServer(): Promise<AppServer> {
  const server = await createServer({ root: ROOT, logLevel: 'warn', server: { port: 0, host: '127.0.0.1', hmr: false, watch: null } });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite dev server has no TCP address');
    return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Builds the bundle, once per test run: vitest.config.ts sets
 * TRACKSCOPE_RUN_ID for the whole run, and a build stamped with it is reused
 * by the next browser suite (test files run one at a time). Outside a test
 * run (benchmarks, scripts) it always builds.
 */
async function buildOncePerRun(mode: 'production' | 'bench'): Promise<void> {
  const runId = process.env.TRACKSCOPE_RUN_ID;
  const stamp = join(ROOT, mode === 'bench' ? 'dist-bench' : 'dist', '.test-run-id');
  if (runId && existsSync(stamp) && readFileSync(stamp, 'utf8') === runId) return;
  await build({ root: ROOT, mode, logLevel: 'warn' });
  if (runId) writeFileSync(stamp, runId);
}
