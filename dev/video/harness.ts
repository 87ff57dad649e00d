/**
 * Node side of the video tests and bench: serves dev/video/pages/harness.html
 * with Vite's dev server (no app build needed), opens it in headless Chromium
 * and hands it files through a real <input type=file>, as an upload would.
 */
import type { CDPSession, Page } from 'playwright-core';
import { openDevPage } from '../devPage';
import type { RunOptions, RunResult, SeekResult } from './pages/harness';
import type { FrameStreamStats, VideoMetadata } from '../../src/browser/video';

const PAGE = '/dev/video/pages/harness.html';

export interface HeapSample {
  frames: number;
  usedBytes: number;
}

export interface VideoHarness {
  readonly page: Page;
  readonly browserVersion: string;
  choose(path: string): Promise<void>;
  probe(
    path: string,
    countFrames?: 'indexed' | 'scan',
    limits?: { maxBytes?: number; maxDurationSeconds?: number },
  ): Promise<{ metadata: VideoMetadata | null; error: { name: string; message: string; fields: Record<string, unknown> } | null }>;
  run(path: string, options?: RunOptions): Promise<RunResult & { pause?: { before: FrameStreamStats; after: FrameStreamStats } }>;
  /** Times FrameSeeker (the Video view's scrubbing) on `path`, one request after another. */
  seek(path: string, timestampsUs: readonly number[]): Promise<SeekResult>;
  /** Heap samples recorded during the last run with `heapEvery`. */
  readonly heap: HeapSample[];
  close(): Promise<void>;
}

export async function startVideoHarness(): Promise<VideoHarness> {
  const errors: string[] = [];
  const heap: HeapSample[] = [];
  const { page, browser, close } = await openDevPage(PAGE.slice(1), 'videoHarness', async (p) => {
    p.on('pageerror', (e) => errors.push(e.message));
    const cdp: CDPSession = await p.context().newCDPSession(p);
    await p.exposeFunction('__sampleHeap', async (frames: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      heap.push({ frames, usedBytes: usedSize });
    });
  });
  const choose = (path: string): Promise<void> => page.setInputFiles('#file', path);
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
    async seek(path, timestampsUs) {
      await choose(path);
      return page.evaluate((t) => window.videoHarness.seek(t), timestampsUs);
    },
    async close() {
      await close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
