import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';

/** Clicks Train and waits until the run is in the run history and the panel is idle again. */
async function train(page: Page): Promise<string> {
  const runs = page.getByTestId('lenet-runs').locator('tbody tr');
  const before = await runs.count();
  await page.getByTestId('train').click();
  await expect.poll(() => runs.count(), { timeout: 120_000 }).toBe(before + 1);
  await expect.poll(() => page.getByTestId('train').isEnabled(), { timeout: 120_000 }).toBe(true);
  return (await page.getByTestId('lenet-status').textContent()) ?? '';
}

describe('training: dense MNIST (0 conv blocks) and LeNet callbacks (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('builds Flatten → 300 → 100 → 10, trains it with EarlyStopping and per-epoch checkpoints, and lights up its layers for a digit', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1`);
    await page.getByTestId('tab-lenet').click();
    await expect.poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000 }).toMatch(/MNIST ready/);

    await page.getByTestId('dense-preset').click();
    const layers = page.getByTestId('layer-table');
    await expect.poll(() => layers.locator('caption').textContent()).toMatch(/266,610 parameters/);
    expect(await layers.locator('tbody tr td:first-child').allTextContents()).toEqual(['flatten', 'dense1', 'dense2', 'output']);

    await page.getByTestId('train-size').fill('300');
    await page.getByTestId('epochs').fill('1');
    await page.getByTestId('checkpoint-mode').selectOption('every');
    await page.getByLabel('N', { exact: true }).fill('1');
    expect(await train(page)).toMatch(/completed 1 epochs/);
    const base = await numTensors(page);

    await page.getByRole('button', { name: 'Use a test digit' }).click();
    const view = page.getByTestId('dense-activations');
    await expect.poll(() => view.count(), { timeout: 120_000 }).toBe(1);
    expect(await view.locator('text').first().textContent()).toBe('input (784 pixels) (784)');
    expect(await view.locator('circle').count()).toBe(10); // the output digits as neurons; 784/300/100 as bars
    expect(await view.locator('rect').count()).toBe(784 + 300 + 100);
    const active = await page.getByTestId('active-dense1').textContent();
    expect(active).toMatch(/dense1: \d+ of 300 active/);
    expect(Number(active?.match(/(\d+) of/)?.[1])).toBeGreaterThan(0);
    expect(await page.getByTestId('feature-maps').locator('canvas').count()).toBe(1); // no conv layers: the input only

    // EarlyStopping in LeNet: an impossible min_delta stops after patience + 1 epochs.
    await page.getByTestId('epochs').fill('5');
    await page.getByTestId('lenet-patience').fill('1');
    await page.getByLabel('min_delta').fill('10');
    expect(await train(page)).toMatch(/EarlyStopping: no val_loss improvement for 1 epoch.*weights of epoch 1/);
    expect(await page.getByTestId('lenet-runs').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('lenet-epoch-info').textContent()).toMatch(
      // The run history marks the lowest val_loss, whichever epoch EarlyStopping kept.
      /Epoch 2: \d+ ms, learning rate 0\.00100;\s+best val_loss at epoch [12]/,
    );
    await page.getByRole('button', { name: 'Use a test digit' }).click();
    await expect.poll(() => numTensors(page)).toBe(base);
    await page.screenshot({ path: artifactPath('training-dense-mnist.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
