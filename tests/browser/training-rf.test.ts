/**
 * Receptive fields and kernels (issue 13, item 5): the layer table's receptive
 * field, min pooling, the learned kernels and the receptive-field probe, each
 * changed through a control and read back from the DOM.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';

/** The probe readout with whitespace collapsed. */
const readout = async (page: Page) => (await page.getByTestId('rf-readout').textContent())?.replace(/\s+/g, ' ').trim();

describe('LeNet receptive fields and kernels (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('updates the table, trains with min pooling, draws kernels and outlines a receptive field of the table size', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&panel=lenet&testHooks=1`);
    await expect.poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000 }).toMatch(/MNIST ready/);

    // Default LeNet: 16×16 after pool2; a 3×3 second conv shrinks it to 12×12 (10 + one pool step of 2).
    expect(await page.getByTestId('rf-pool2').textContent()).toBe('16×16');
    await page.getByLabel('block 2 kernel size').fill('3');
    await expect.poll(() => page.getByTestId('rf-conv2').textContent()).toBe('10×10');
    expect(await page.getByTestId('rf-pool2').textContent()).toBe('12×12');
    expect(await page.getByTestId('rf-flatten').textContent()).toBe('whole input');

    await page.getByLabel('block 1 filters').fill('4');
    await page.getByLabel('block 1 pooling').selectOption('min');
    await page.getByTestId('train-size').fill('100');
    await page.getByTestId('epochs').fill('1');
    await page.getByTestId('train').click();
    await expect
      .poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000, interval: 500 })
      .toMatch(/completed 1 epochs/);

    // The status reads "completed" before the test-set evaluation ends; wait for it so the tensor count is settled.
    await expect.poll(() => page.getByTestId('confusion').count(), { timeout: 120_000 }).toBe(1);

    // Kernels: one tile per (filter, input channel) of each conv layer.
    await expect.poll(() => page.getByTestId('kernels-conv1').getAttribute('data-filters'), { timeout: 120_000 }).toBe('4');
    expect(await page.getByTestId('kernels-conv1').locator('canvas').count()).toBe(4);
    expect(await page.getByTestId('kernels-conv2').locator('canvas').count()).toBe(16 * 4);

    await page.getByRole('button', { name: 'Use a test digit' }).click();
    await expect.poll(() => page.getByTestId('maps-pool2').count(), { timeout: 120_000 }).toBe(1);
    expect(await page.getByTestId('feature-maps').textContent()).toContain('pool1 (MinPooling2D)');
    const settled = await numTensors(page);

    // Hover the centre of a pool2 map (6×6): the outlined field is the table's 12×12.
    const canvas = page.getByTestId('maps-pool2').locator('canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('pool2 map not visible');
    await page.mouse.move(box.x + box.width * (3.5 / 6), box.y + box.height * (3.5 / 6));
    await expect.poll(() => page.getByTestId('rf-box').getAttribute('data-size')).toBe('12×12');
    expect(await readout(page)).toMatch(/pool2 pixel \(3, 3\) sees input rows 10–21, columns 10–21: receptive field 12×12/);
    await page.screenshot({ path: artifactPath('training-rf.png'), fullPage: true });

    // Keyboard: focus conv1's maps and step right from the centre; a corner pixel is clipped at the border.
    await page.getByTestId('maps-conv1').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout(page)).toMatch(/conv1 pixel \(14, 15\) .* receptive field 5×5$/);
    expect(await page.getByTestId('rf-box').getAttribute('data-size')).toBe('5×5');
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowUp');
    expect(await readout(page)).toMatch(/conv1 pixel \(0, 15\) .*5×5 \(clipped at the border\)/);
    expect(await page.getByTestId('rf-box').getAttribute('data-size')).toBe('3×5');

    // Tensors stay flat over more digits and probes.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Use a test digit' }).click();
    await page.mouse.move(box.x + 1, box.y + 1);
    await expect.poll(() => numTensors(page)).toBe(settled);
    expect(pageErrors).toEqual([]);
  });
});
