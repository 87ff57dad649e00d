import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../dev/appServer';
import { launchChromium } from '../../dev/browser';

const numTensors = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { trackscopeTraining: { numTensors(): number } }).trackscopeTraining.numTensors());

describe('training: Wide & Deep on the regression MLP (headless Chromium)', () => {
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

  it('draws the wide path in the diagram and compares its val_loss with the plain MLP on the same data and seed', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/?view=training&testHooks=1`);
    await page.getByTestId('mlp-task').selectOption('regression');
    await page.getByLabel('Epochs', { exact: true }).fill('5');
    await page.getByTestId('mlp-wide').check();
    await page.getByTestId('mlp-train').click();
    await expect.poll(() => page.getByTestId('mlp-runs').locator('tbody tr').count(), { timeout: 120_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('mlp-train').isEnabled(), { timeout: 120_000 }).toBe(true);
    // One input straight to one output: one dashed wide-path edge beside the 1→8→8→1 deep path.
    await expect.poll(() => page.getByTestId('network').locator('line.wide').count()).toBe(1);
    expect(await page.getByTestId('network').locator('line').count()).toBe(1 + 8 + 64 + 8);
    const base = await numTensors(page);

    await page.getByTestId('wd-compare-run').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('wd-compare').count(), { timeout: 120_000 }).toBe(1);
    const cells = await page.getByTestId('wd-compare').locator('tbody td:last-child').allTextContents();
    expect(cells).toHaveLength(2);
    expect(cells.every((v) => Number.isFinite(Number(v)) && Number(v) > 0)).toBe(true);
    await expect.poll(() => page.getByTestId('mlp-train').isEnabled()).toBe(true);
    expect(await numTensors(page)).toBe(base);
    expect(pageErrors).toEqual([]);
  });
});
