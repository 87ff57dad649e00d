import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { launchChromium } from '../../dev/browser';

describe('training: Wide & Deep on the regression MLP (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('draws the wide path (and an auxiliary output) in the diagram and compares its val_loss with the plain MLP on the same data and seed', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1`);
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

    // Auxiliary output on the deep path (Géron's 0.9 / 0.1 loss weights): one aux unit fed by the 8 last-hidden units.
    await page.getByTestId('mlp-aux').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('mlp-aux-weight').inputValue()).toBe('0.1');
    await page.getByTestId('mlp-train').click();
    await expect.poll(() => page.getByTestId('mlp-runs').locator('tbody tr').count(), { timeout: 120_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('mlp-train').isEnabled(), { timeout: 120_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('network').locator('line.aux').count()).toBe(8);
    expect(await page.getByTestId('network').locator('circle.aux').count()).toBe(1);
    expect(await page.getByTestId('network').locator('line').count()).toBe(1 + 8 + 64 + 8 + 8);
    expect(await page.getByTestId('network').getAttribute('aria-label')).toContain('plus 1 auxiliary output(s)');
    const withAux = await numTensors(page); // the kept model has more weights now
    await page.getByTestId('wd-compare-run').click();
    await expect.poll(() => page.getByTestId('wd-compare').textContent(), { timeout: 120_000 }).toContain('0.90·main + 0.10·aux');
    await expect.poll(() => page.getByTestId('mlp-train').isEnabled(), { timeout: 120_000 }).toBe(true);
    expect(await numTensors(page)).toBe(withAux);
    expect(pageErrors).toEqual([]);
  });
});
