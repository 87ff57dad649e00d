/**
 * Small labs (issue 13, item 9): each control changes what the lab shows —
 * the cast values, the op comparison, the padded ragged batch, the Huber
 * readout for δ and the perceptron layer's TLUs and accuracy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';

/** Text with whitespace collapsed, as a reader sees it. */
const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent())?.replace(/\s+/g, ' ').trim();

describe('small labs (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('updates each lab from its controls and keeps tensors flat', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&panel=labs&testHooks=1`);
    await expect.poll(() => page.getByTestId('sandbox-info').count(), { timeout: 120_000 }).toBe(1);
    // the FCN lab's segmenter is loaded, run once and disposed: wait for it so the count is settled
    await expect.poll(() => page.getByTestId('fcn-stride').count(), { timeout: 120_000 }).toBe(1);
    const settled = await numTensors(page);

    // Tensor sandbox
    await page.getByTestId('sandbox-literal').fill('[[[1.7], [2]], [[3], [-4.2]]]');
    await expect.poll(() => text(page, 'sandbox-info')).toBe('rank 3, shape [2, 2, 1], dtype float32');
    expect(await text(page, 'sandbox-cast')).toBe('[[[1],[2]],[[3],[-4]]]');
    await page.getByTestId('sandbox-cast-to').selectOption('bool');
    await expect.poll(() => text(page, 'sandbox-cast')).toBe('[[[true],[true]],[[true],[true]]]');
    expect(await text(page, 'sandbox-ops')).toMatch(/same result$/);
    await page.getByTestId('sandbox-delta').fill('5');
    await expect.poll(() => text(page, 'sandbox-vars')).toMatch(/\[\[\[6\.(7|699)/);
    await page.getByTestId('sandbox-sparse-shape').fill('[3, 5]');
    await expect.poll(() => text(page, 'sandbox-dense')).toBe('[[0,5,0,0,0],[0,0,0,0,0],[0,0,0,7,0]]');
    await page.getByTestId('sandbox-ragged').fill('[[1], [2, 4, 6, 8]]');
    await expect
      .poll(() => text(page, 'sandbox-padded'))
      .toMatch(/padded \[\[1,0,0,0\],\[2,4,6,8\]\], mask \[\[1,0,0,0\],\[1,1,1,1\]\], masked row means \[1,5\]/);

    // Loss against residual: δ = 1 → Huber(2) = 1.5; δ = 3 → ½·2² = 2
    expect(await text(page, 'loss-readout')).toMatch(/Huber 1\.5 \(beyond δ/);
    await page.getByTestId('huber-delta').focus();
    await page.keyboard.press('End'); // the slider's max, δ = 3
    await expect.poll(() => text(page, 'loss-readout')).toMatch(/Huber 2 \(inside δ/);

    // Perceptron layer: one TLU per class; training lifts accuracy from chance
    expect(await page.getByTestId('tlu-row').count()).toBe(3);
    expect(await text(page, 'tlu-accuracy')).toMatch(/33\.3% after 0 epoch/);
    await page.getByTestId('tlu-epochs').focus();
    await page.keyboard.press('End'); // 30 epochs
    await expect.poll(() => text(page, 'tlu-accuracy')).toMatch(/after 30 epoch/);
    expect(Number((await text(page, 'tlu-accuracy'))?.match(/([\d.]+)%/)?.[1])).toBeGreaterThan(90);
    await page.getByTestId('tlu-classes').selectOption('4');
    await expect.poll(() => page.getByTestId('tlu-row').count()).toBe(4);
    await page.screenshot({ path: artifactPath('training-labs.png'), fullPage: true });

    expect(await numTensors(page)).toBe(settled);
    expect(pageErrors).toEqual([]);
  });
});
