import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/appServer';
import { artifactPath, isLocal, launchChromium, recordRequests, y4mFromClip } from '../helpers/browser';

const CLIP = resolve(import.meta.dirname, '../fixtures/media/vtest-150.mp4');

describe('live camera (headless Chromium, vtest.avi as the webcam)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium({ fakeCameraFile: y4mFromClip(CLIP) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws person boxes over the camera video and keeps every request on localhost', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = recordRequests(page);
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(server.origin);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('wasm');
    await expect.poll(() => page.getByTestId('backend-info').textContent()).toMatch(/software renderer|WASM/i);

    await page.getByTestId('camera-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 20_000 }).toBe('on');

    await expect
      .poll(async () => (await page.getByTestId('detection-list').textContent()) ?? '', { timeout: 90_000, interval: 500 })
      .toMatch(/person/);
    const persons = await page.getByTestId('detection-list').locator('li', { hasText: 'person' }).count();
    expect(persons).toBeGreaterThanOrEqual(3);

    // Boxes are really drawn: the overlay canvas has opaque pixels.
    const painted = await page.getByTestId('overlay').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return { n, w: c.width, h: c.height };
    });
    expect(painted.w).toBe(768);
    expect(painted.h).toBe(576);
    expect(painted.n).toBeGreaterThan(1000);

    await expect.poll(async () => Number(await page.getByTestId('frames-processed').textContent())).toBeGreaterThan(2);
    await page.screenshot({ path: artifactPath('live-camera.png') });

    const foreign = requests.filter((u) => !isLocal(u, server.origin));
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
