/**
 * Drives the app's Video view in headless Chromium: the production build
 * served by `vite preview`, files handed over through the real file chooser,
 * exports captured as downloads. Shared by the browser E2E and CLI parity tests.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from '../appServer';
import { launchChromium } from '../browser';
import { ffmpegClip, VTEST } from './clips';

/** The first `frames` frames of vtest (768x576, 10 fps) as VP8 WebM: VP8 decoding is bit-exact in ffmpeg and Chrome. */
const vtestVp8 = (frames: number): string =>
  ffmpegClip(`vtest-${frames}-vp8.webm`, [
    '-i',
    VTEST,
    '-an',
    '-frames:v',
    String(frames),
    '-c:v',
    'libvpx',
    '-b:v',
    '1M',
    '-deadline',
    'good',
    '-cpu-used',
    '4',
  ]);
export const VTEST40_FRAMES = 40;
export const vtest40Vp8 = (): string => vtestVp8(VTEST40_FRAMES);
/**
 * A shorter cut, for tests where a processed upload is the setting rather than what is checked
 * (a view with results, a run's side effects): a quarter of the 40-frame clip's processing time.
 */
export const VTEST10_FRAMES = 10;
export const vtest10Vp8 = (): string => vtestVp8(VTEST10_FRAMES);

export interface AppSession {
  readonly page: Page;
  readonly origin: string;
  readonly pageErrors: string[];
  /** Chooses `path` in the Video view and waits until a run ends (results or an error). */
  process(path: string, timeoutMs?: number): Promise<void>;
  /** Clicks an export button and returns the downloaded file's text. */
  downloadText(testId: string): Promise<{ name: string; text: string }>;
  close(): Promise<void>;
}

export async function openVideoApp(query = ''): Promise<AppSession> {
  const server: AppServer = await startAppServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/?view=video${query}`);
    await page.getByTestId('video-file').waitFor({ state: 'attached', timeout: 120_000 });
    const b = browser;
    return {
      page,
      origin: server.origin,
      pageErrors,
      async process(path, timeoutMs = 240_000) {
        await page.getByTestId('video-file').setInputFiles(path);
        await page.waitForFunction(
          () => {
            const status = document.querySelector('[data-testid="video-status"]');
            const progress = document.querySelector('[data-testid="video-progress"]');
            return !status && !progress;
          },
          null,
          { timeout: timeoutMs, polling: 200 },
        );
      },
      async downloadText(testId) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
        const path = await download.path();
        return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
      },
      async close() {
        await b.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
