/**
 * Node side of the video tests and bench: serves tests/video/pages/harness.html
 * with Vite's dev server (no app build needed), opens it in headless Chromium
 * and hands it files through a real <input type=file>, as an upload would.
 */
import { resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from '../../helpers/browser';
import type { RunOptions, RunResult } from '../pages/harness';
import type { VideoMetadata } from '../../../src/core/video';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGE = '/tests/video/pages/harness.html';

export interface HeapSample {
  frames: number;
  usedBytes: number;
}

export interface VideoHarness {
  readonly page: Page;
  readonly browserVersion: string;
  choose(path: string): Promise<void>;
  probe(path: string, countFrames?: 'indexed' | 'scan', limits?: { maxBytes?: number; maxDurationSeconds?: number }): Promise<{ metadata: VideoMetadata | null; error: { name: string; message: string; fields: Record<string, unknown> } | null }>;
  run(path: string, options?: RunOptions): Promise<RunResult & { pause?: { before: any; after: any } }>;
  /** Heap samples recorded during the last run with `heapEvery`. */
  readonly heap: HeapSample[];
  close(): Promise<void>;
}

export async function startVideoHarness(): Promise<VideoHarness> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    optimizeDeps: { include: ['mediabunny'], entries: [PAGE.slice(1)] },
  });
  let browser: Browser | undefined;
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('vite dev server has no TCP address');
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const heap: HeapSample[] = [];
    await page.exposeFunction('__sampleHeap', async (frames: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heap.push({ frames, usedBytes: usedSize });
    });
    await page.goto(`http://127.0.0.1:${address.port}${PAGE}`);
    await page.waitForFunction(() => 'videoHarness' in window, null, { timeout: 60_000 });
    const choose = (path: string): Promise<void> => page.setInputFiles('#file', path);
    const closeAll = async (): Promise<void> => {
      await browser?.close();
      await server.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    };
    return {
      page,
      browserVersion: browser.version(),
      heap,
      choose,
      async probe(path, countFrames = 'indexed', limits = {}) {
        await choose(path);
        return page.evaluate(([c, l]) => window.videoHarness.probe(c, l), [countFrames, limits] as const);
      },
      async run(path, options = {}) {
        await choose(path);
        heap.length = 0;
        return page.evaluate((o) => window.videoHarness.run(o), options);
      },
      close: closeAll,
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
