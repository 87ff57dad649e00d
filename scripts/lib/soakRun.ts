/**
 * Drives the live app in headless Chromium from a looping fake camera and
 * samples memory and frame rate every `sampleEvery` camera frames. Used by
 * `npm run soak` and `tests/browser/soak.test.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startAppServer } from '../../dev/appServer.ts';
import { launchChromium } from '../../dev/browser.ts';
import { openHeapProbe } from './heapProbe.ts';
import { ROOT } from './resultFiles.ts';
import type { SoakSample } from './soakCsv.ts';

export interface SoakOptions {
  frames: number;
  sampleEvery?: number;
  /** Camera frame rate of the generated clip; high so many frames pass quickly. */
  fps?: number;
  onSample?(sample: SoakSample): void;
  /** Abort when framesSeen does not advance for this long. */
  stallMs?: number;
}

export interface SoakResult {
  samples: SoakSample[];
  pageErrors: string[];
  /** Requests to any origin but the app's own. */
  foreignRequests: string[];
}

interface LiveStatsView {
  framesSeen: number;
  framesProcessed: number;
  numTensors: number;
  numBytes?: number;
  trackedFps: number;
  detectFps: number;
}

const POLL_MS = 100;

/**
 * The vtest clip at 640x480 as a y4m whose 150 frames are stamped at `fps`
 * (timestamps rewritten, no frames duplicated), so Chromium's fake camera
 * delivers `fps` frames per second and loops the file by itself.
 */
export function fastCameraClip(fps: number): string {
  const out = join(tmpdir(), `trackscope-soak-640x480-${fps}fps.y4m`);
  if (!existsSync(out)) {
    const clip = join(ROOT, 'tests/fixtures/media/vtest-150.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      clip,
      '-vf',
      `scale=640:480,setpts=N/${fps}/TB`,
      '-r',
      String(fps),
      '-pix_fmt',
      'yuv420p',
      out,
    ]);
  }
  return out;
}

const readStats = (page: Page) =>
  page.evaluate(() => (window as unknown as { trackscope?: { liveStats: LiveStatsView | null } }).trackscope?.liveStats ?? null);

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { frames, sampleEvery = 1000, fps = 60, stallMs = 30_000 } = options;
  const server = await startAppServer();
  const browser = await launchChromium({ fakeCameraFile: fastCameraClip(fps) });
  const result: SoakResult = { samples: [], pageErrors: [], foreignRequests: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => result.pageErrors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !/^(blob|data):/.test(r.url())) result.foreignRequests.push(r.url());
    });
    // One input size: a ladder switch loads another graph, which is not a leak.
    await page.goto(`${server.origin}/?testHooks=1&inputSize=512`);
    await page.getByTestId('backend-name').waitFor({ timeout: 120_000 });
    const heap = await openHeapProbe(browser, page, 'detection.worker');
    await page.getByTestId('camera-toggle').click();
    const t0 = performance.now();
    let next = sampleEvery;
    let lastSeen = -1;
    let lastProgress = t0;
    let previous = { frame: 0, at: t0 };
    while (next <= frames) {
      const stats = await readStats(page);
      const now = performance.now();
      if (stats && stats.framesSeen !== lastSeen) {
        lastSeen = stats.framesSeen;
        lastProgress = now;
      } else if (now - lastProgress > stallMs) {
        throw new Error(
          `soak stalled: no new camera frame for ${stallMs} ms at frame ${lastSeen} (page errors: ${result.pageErrors.join('; ') || 'none'})`,
        );
      }
      if (!stats || stats.framesSeen < next) {
        await page.waitForTimeout(POLL_MS);
        continue;
      }
      const sample: SoakSample = {
        frame: stats.framesSeen,
        elapsedS: (now - t0) / 1000,
        framesProcessed: stats.framesProcessed,
        tensors: stats.numTensors,
        bytes: stats.numBytes ?? Number.NaN,
        pageHeap: await heap.page(),
        workerHeap: await heap.worker(),
        fps: ((stats.framesSeen - previous.frame) * 1000) / (now - previous.at),
        trackedFps: stats.trackedFps,
        detectFps: stats.detectFps,
      };
      previous = { frame: stats.framesSeen, at: now };
      result.samples.push(sample);
      options.onSample?.(sample);
      while (next <= stats.framesSeen) next += sampleEvery;
    }
    await heap.close();
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
