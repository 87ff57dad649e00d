/** Serves a test page under tests/ with Vite's dev server (no app build) and opens it in headless Chromium. */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from './browser';

const ROOT = resolve(import.meta.dirname, '..');

export interface DevPage {
  page: Page;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * `ready` names the global the page defines once it is set up. `beforeLoad`
 * runs on the new page before navigation (listeners, exposed functions).
 */
export async function openDevPage(pagePath: string, ready: string, beforeLoad?: (page: Page) => Promise<void>): Promise<DevPage> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { include: ['mediabunny'], entries: [pagePath] },
  });
  let browser: Browser | undefined;
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite dev server has no TCP address');
    browser = await launchChromium();
    const page = await browser.newPage();
    await beforeLoad?.(page);
    await page.goto(`http://127.0.0.1:${address.port}/${pagePath}`);
    await page.waitForFunction((name) => name in window, ready, { timeout: 120_000 });
    const b = browser;
    return { page, browser: b, close: async () => (await b.close(), await server.close()) };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
