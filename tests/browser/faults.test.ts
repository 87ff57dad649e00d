import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp.ts';
import { launchChromium, y4mFromClip } from '../../dev/browser';

const CLIP = resolve(import.meta.dirname, '../fixtures/media/vtest-150.mp4');

type Hooks = { trackscope: { liveStats: { framesSeen: number; framesProcessed: number } | null; loseGpuContext(): void } };
const liveStats = (page: Page) => page.evaluate(() => (window as unknown as Hooks).trackscope.liveStats);

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

describe('faults: GPU context loss, hidden tab, camera failures', () => {
  const app = useServedApp(() => launchChromium({ fakeCameraFile: y4mFromClip(CLIP) }));

  it('rebuilds the backend and models after WebGL context loss and keeps tracking', async () => {
    const page = await app.browser.newPage();
    // WebGL here is SwiftShader (CPU): the input size is pinned at the smallest CenterNet graph, so each
    // warm-up and frame costs about a quarter of the default 512²'s and no size switch loads another graph
    // (measured: this test took half the time). The rebuild is the same at any size.
    await page.goto(`${app.server.origin}/?testHooks=1&backend=webgl&inputSize=256`);
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('webgl');
    await page.getByTestId('camera-toggle').click();
    await expect.poll(async () => (await liveStats(page))?.framesProcessed ?? 0, { timeout: 120_000 }).toBeGreaterThanOrEqual(1);

    await page.evaluate(() => (window as unknown as Hooks).trackscope.loseGpuContext());
    await expect.poll(() => page.getByTestId('engine-notice').textContent(), { timeout: 120_000 }).toMatch(/WebGL context was lost/);
    await expect
      .poll(() => page.getByTestId('engine-notice').textContent(), { timeout: 120_000 })
      .toMatch(/Recovered: tracking continues on (webgl|wasm)/);
    // A fresh loop on the rebuilt worker processes frames again.
    await expect.poll(async () => (await liveStats(page))?.framesProcessed ?? 0, { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('engine-error').count()).toBe(0);
    await page.close();
  }, 600_000); // two model warm-ups on SwiftShader

  it('pauses processing while the tab is hidden and resumes on return', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.origin}/?testHooks=1`);
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('wasm');
    await page.getByTestId('camera-toggle').click();
    await expect.poll(async () => (await liveStats(page))?.framesProcessed ?? 0, { timeout: 120_000 }).toBeGreaterThanOrEqual(2);

    await setHidden(page, true);
    await expect(page.getByTestId('paused').textContent()).resolves.toMatch(/paused/);
    await page.waitForTimeout(300); // let an in-flight frame finish
    const before = (await liveStats(page))!.framesSeen;
    await page.waitForTimeout(1500);
    expect((await liveStats(page))!.framesSeen).toBe(before);

    await setHidden(page, false);
    await expect.poll(async () => (await liveStats(page))!.framesSeen, { timeout: 120_000 }).toBeGreaterThan(before);
    expect(await page.getByTestId('paused').count()).toBe(0);
    await page.close();
  });

  it('says so when the camera is unplugged mid-stream, and the rest of the app keeps working', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.origin}/?testHooks=1`);
    await page.getByTestId('camera-toggle').click();
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 120_000 }).toBe('on');
    // A real unplug fires 'ended' on the track; script-stopped tracks do not, so fire it.
    await page.evaluate(() => {
      const v = document.querySelector('video')!;
      (v.srcObject as MediaStream).getVideoTracks()[0].dispatchEvent(new Event('ended'));
    });
    await expect.poll(() => page.getByTestId('camera-error').textContent()).toMatch(/unplugged/);
    expect(await page.getByTestId('camera-status').textContent()).toBe('error');
    await page.getByTestId('tab-training').click();
    await expect.poll(() => page.locator('[role="tabpanel"]:not([hidden])').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('explains a denied permission and a missing camera', async () => {
    // Two separate browsers (the flags are per process), checked side by side.
    const [denied, none] = await Promise.all([
      launchChromium({ extraArgs: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] }),
      launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream'] }),
    ]);
    try {
      await Promise.all(
        (
          [
            [denied, /permission was denied/],
            [none, /No camera was found/],
          ] as const
        ).map(async ([b, message]) => {
          const page = await b.newPage();
          await page.goto(app.server.origin);
          await page.getByTestId('camera-toggle').click();
          await expect.poll(() => page.getByTestId('camera-error').textContent(), { timeout: 120_000 }).toMatch(message);
          expect(await page.getByTestId('camera-toggle').isEnabled()).toBe(true);
        }),
      );
    } finally {
      await denied.close();
      await none.close();
    }
  });
});
