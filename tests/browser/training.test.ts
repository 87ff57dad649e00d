import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../dev/appServer';
import { artifactPath, isLocal, launchChromium, recordRequests } from '../../dev/browser';

/** A "7": top bar, then the diagonal, in pad pixels (the pad is 140×140). */
const STROKES: [number, number][][] = [
  [
    [35, 30],
    [70, 30],
    [105, 30],
    [90, 65],
    [75, 100],
    [65, 120],
  ],
];

async function drawDigit(page: Page): Promise<void> {
  await page.getByTestId('digit-pad').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('digit-pad').boundingBox();
  if (!box) throw new Error('digit pad is not visible');
  const sx = box.width / 140,
    sy = box.height / 140;
  for (const stroke of STROKES) {
    await page.mouse.move(box.x + stroke[0][0] * sx, box.y + stroke[0][1] * sy);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * sx, box.y + y * sy, { steps: 6 });
    await page.mouse.up();
  }
}

async function openLenet(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/?view=training`);
  await page.getByTestId('tab-lenet').click();
  await expect.poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000 }).toMatch(/MNIST ready/);
  await expect.poll(() => page.getByTestId('training-backend').textContent(), { timeout: 120_000 }).toBe('wasm');
}

/** Probability bars as text: equal text means the same class and the same probabilities to 0.1%. */
const probsText = (page: Page) => page.locator('.bars').textContent();

describe('training view (headless Chromium)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('trains LeNet for a short epoch, predicts a drawn digit, saves, reloads and predicts the same', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const requests = recordRequests(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await openLenet(page, server.origin);
    await page.getByTestId('train-size').fill('600');
    await page.getByTestId('epochs').fill('1');
    await page.getByTestId('train').click();
    await expect
      .poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000, interval: 500 })
      .toMatch(/completed 1 epochs/);
    expect(await page.getByTestId('lenet-error').count()).toBe(0);
    await expect.poll(() => page.getByTestId('confusion').count(), { timeout: 120_000 }).toBe(1);

    await drawDigit(page);
    await expect.poll(() => page.getByTestId('prediction').count(), { timeout: 120_000 }).toBe(1);
    const before = { cls: await page.getByTestId('prediction').textContent(), probs: await probsText(page) };
    expect(before.cls).toMatch(/^\d$/);
    expect(await page.getByTestId('feature-maps').locator('canvas').count()).toBeGreaterThan(6 + 6 + 16 + 16);
    await page.screenshot({ path: artifactPath('training-lenet.png'), fullPage: true });

    await page.getByTestId('model-name').fill('ci-model');
    await page.getByTestId('save-model').click();
    await expect.poll(() => page.getByTestId('models-message').textContent(), { timeout: 120_000 }).toMatch(/saved "ci-model"/);

    await page.reload();
    await openLenet(page, server.origin);
    await page.getByTestId('load-ci-model').click();
    await expect.poll(() => page.getByTestId('models-message').textContent(), { timeout: 120_000 }).toMatch(/loaded "ci-model"/);
    await drawDigit(page);
    await expect.poll(() => page.getByTestId('prediction').count(), { timeout: 120_000 }).toBe(1);
    expect({ cls: await page.getByTestId('prediction').textContent(), probs: await probsText(page) }).toEqual(before);
    await page.screenshot({ path: artifactPath('training-lenet-reloaded.png'), fullPage: true });

    // A corrupt import is a clear message, not a broken panel.
    await page.getByTestId('import-files').setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {') },
      { name: 'model.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(8) },
    ]);
    await expect
      .poll(() => page.getByTestId('models-error').textContent(), { timeout: 120_000 })
      .toMatch(/import failed: model files could not be read.*not valid JSON/);

    // Switching tabs mid-training aborts it cleanly; the panel comes back ready.
    await page.getByTestId('train-size').fill('8000');
    await page.getByTestId('epochs').fill('20');
    await page.getByTestId('train').click();
    await expect.poll(() => page.locator('progress').count(), { timeout: 120_000 }).toBe(1);
    await page.getByTestId('tab-mlp').click();
    await page.getByTestId('tab-lenet').click();
    await expect.poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000 }).toMatch(/MNIST ready/);

    expect(requests.filter((u) => !isLocal(u, server.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
