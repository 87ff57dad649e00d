/**
 * FCN upsampling lab (issue 13, item 9): the meet / selfie segmenter on the
 * astronaut photo; the stride is the image size over the model's output size,
 * and switching nearest ↔ bilinear changes the upsampled mask's edge.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';

/** The astronaut sample is 512×512; each model's output is its input size (manifest). */
const IMAGE = 512;
const manifest = JSON.parse(readFileSync(new URL('../../models/manifest.json', import.meta.url), 'utf8')) as {
  models: { name: string; input: { width: number; height: number } }[];
};
const inputOf = (name: string) => manifest.models.find((m) => m.name === name)!.input;

const outline = async (page: Page) => {
  const el = page.getByTestId('fcn-outline');
  return {
    method: await el.getAttribute('data-method'),
    inside: Number(await el.getAttribute('data-inside')),
    edge: Number(await el.getAttribute('data-edge')),
  };
};

describe('FCN upsampling lab (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('states the output stride and changes the mask edge with the upsampling method, tensors flat', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1200 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&panel=labs&testHooks=1`);
    await expect.poll(() => page.getByTestId('fcn-stride').count(), { timeout: 120_000 }).toBe(1);
    const meet = inputOf('meet');
    const stride = page.getByTestId('fcn-stride');
    expect(Number(await stride.getAttribute('data-stride-x'))).toBe(IMAGE / meet.width);
    expect(Number(await stride.getAttribute('data-stride-y'))).toBeCloseTo(IMAGE / meet.height, 10);
    expect(await stride.textContent()).toContain(`mask ${meet.width}×${meet.height}: output stride`);
    // both grids at true resolution
    expect(await page.getByTestId('fcn-raw').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([meet.width, meet.height]);
    expect(await page.getByTestId('fcn-upsampled').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([IMAGE, IMAGE]);
    const settled = await numTensors(page);

    const nearest = await outline(page);
    expect(nearest.method).toBe('nearest');
    // the astronaut fills a good part of the photo
    expect(nearest.inside).toBeGreaterThan(0.1 * IMAGE * IMAGE);
    expect(nearest.edge).toBeGreaterThan(0);
    await page.getByTestId('fcn-method-nearest').focus();
    await page.keyboard.press('ArrowRight'); // radio group: next method
    await expect.poll(async () => (await outline(page)).method).toBe('bilinear');
    const bilinear = await outline(page);
    expect(bilinear.edge).not.toBe(nearest.edge);
    expect(bilinear.inside).not.toBe(nearest.inside);
    await page.screenshot({ path: artifactPath('training-fcn.png'), fullPage: true });
    await page.getByTestId('fcn-method-nearest').check();
    await expect.poll(() => outline(page)).toEqual(nearest);
    expect(await numTensors(page)).toBe(settled);

    // selfie: a square 256×256 output, so the stride is the same on both axes
    const selfie = inputOf('selfie');
    await page.getByTestId('fcn-model').selectOption('selfie');
    await expect.poll(() => stride.getAttribute('data-stride-y'), { timeout: 120_000 }).toBe(String(IMAGE / selfie.height));
    expect(Number(await stride.getAttribute('data-stride-x'))).toBe(IMAGE / selfie.width);
    expect(await numTensors(page)).toBe(settled); // each segmenter is disposed after its one run
    expect(pageErrors).toEqual([]);
  });
});
