/**
 * Architecture zoo (issue 13, item 6): removing the residual skip changes the
 * parameter count by the projection's weights, and a tiny run adds a result
 * row for the page's backend without leaving tensors behind. Training happens
 * in the zoo worker: the page's own tensor count never moves, even mid-run,
 * and the worker reports the batches it trained with flat tensors.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESIDUAL, ZOO_PRESETS } from '../../src/core/training/zooModels';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';
import type { ZooWorkerStats } from '../../src/app/training/zooProtocol';

const zooWorker = (page: Page) =>
  page.evaluate(() => (window as unknown as { trackscope: { zooWorker: () => ZooWorkerStats | null } }).trackscope.zooWorker());
const status = (page: Page) => page.getByTestId('zoo-status').textContent();
const count = async (page: Page, id: string) => Number((await page.getByTestId(id).textContent())?.replace(/,/g, ''));

describe('architecture zoo (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('drops the projection weights when the skip is removed and adds a row per run', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&panel=zoo&testHooks=1`);
    await expect.poll(() => page.getByTestId('zoo-status').textContent(), { timeout: 120_000 }).toBe('ready');
    expect(await count(page, 'zoo-params-lenet5')).toBe(61706);

    const withSkip = await count(page, 'zoo-params-residual');
    const withoutSkip = withSkip - (RESIDUAL.in * RESIDUAL.out + RESIDUAL.out);
    await page.getByTestId('zoo-skip').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => count(page, 'zoo-params-residual')).toBe(withoutSkip);

    for (const p of ZOO_PRESETS.filter((p) => p !== 'residual'))
      await page.getByRole('checkbox', { name: new RegExp(p === 'lenet5' ? 'LeNet-5' : p, 'i') }).uncheck();
    await page.getByTestId('zoo-epochs').fill('1');
    await page.getByTestId('zoo-train-size').fill('100');
    const before = await numTensors(page);

    // A zoo worker that cannot start (its script is missing) gives a message, and the page stays usable.
    await page.evaluate(() => {
      const Real = window.Worker;
      (window as unknown as { realWorker: typeof Worker }).realWorker = Real;
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(options?.name === 'zoo' ? '/no-such-zoo-worker.js' : url, options);
        }
      };
    });
    await page.getByTestId('zoo-run').click();
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe('failed');
    expect(await page.getByTestId('zoo-error').textContent()).toMatch(
      /^The zoo could not train: the zoo worker stopped: .+ The page still works/,
    );
    expect(await page.getByTestId('zoo-run').isEnabled()).toBe(true);
    await page.evaluate(() => (window.Worker = (window as unknown as { realWorker: typeof Worker }).realWorker));

    await page.getByTestId('zoo-run').click();
    await expect.poll(() => page.getByTestId('zoo-status').textContent(), { timeout: 120_000, interval: 500 }).toMatch(/^done: 1 model/);
    const row = page.getByTestId('zoo-row-residual-noskip-wasm');
    expect(await row.textContent()).toContain('(no skip)');
    expect(await row.locator('td').nth(2).textContent()).toBe(withoutSkip.toLocaleString('en-US'));
    expect(await row.getByTestId('zoo-acc').textContent()).toMatch(/^\d+\.\d%$/);
    expect(await page.getByTestId('zoo-results').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('zoo-error').count()).toBe(0);
    await page.screenshot({ path: artifactPath('training-zoo.png'), fullPage: true });
    expect(await numTensors(page)).toBe(before);
    // Trained in the worker: 100 digits in batches of 32 is 4 batches, and the worker's tensors are flat.
    const tiny = await zooWorker(page);
    expect(tiny).toMatchObject({ backend: 'wasm', batches: 4, stopped: false });
    expect(tiny!.numTensorsAfter).toBe(tiny!.numTensorsBefore);
    expect(await status(page)).toMatch(/in a background worker on wasm$/);

    // A long run (50 epochs on every training digit), stopped after its first batch: while the worker
    // trains, the page holds no model, so its tensor count is unchanged mid-run.
    await page.getByTestId('zoo-epochs').fill('50');
    await page.getByTestId('zoo-train-size').fill(String(await page.getByTestId('zoo-train-size').getAttribute('max')));
    await page.getByTestId('zoo-run').click();
    await expect.poll(() => status(page), { timeout: 120_000, interval: 200 }).toMatch(/^training Residual/);
    expect(await numTensors(page)).toBe(before);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => status(page), { timeout: 120_000, interval: 200 }).toBe('stopped');
    const stopped = await zooWorker(page);
    expect(stopped).toMatchObject({ backend: 'wasm', stopped: true });
    expect(stopped!.batches).toBeGreaterThan(0);
    expect(stopped!.numTensorsAfter).toBe(stopped!.numTensorsBefore);
    expect(await page.getByTestId('zoo-results').locator('tbody tr').count()).toBe(1);
    expect(await numTensors(page)).toBe(before);
    expect(pageErrors).toEqual([]);
  });
});
