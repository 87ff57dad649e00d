import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from '../../dev/appServer.ts';

/**
 * For a browser suite: builds and serves the app and launches Chromium once
 * (beforeAll), closing both afterwards. Read `server`/`browser` inside tests.
 * `serve` is `startDevAppServer` for the dev server (Svelte's dev-mode warnings).
 */
export function useServedApp(
  launch: () => Promise<Browser>,
  serve: () => Promise<AppServer> = startAppServer,
): { server: AppServer; browser: Browser } {
  const ctx = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await serve();
    ctx.browser = await launch();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
