import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { artifactPath, launchChromium } from '../../dev/browser';
import { describeViolations, runAxe, SEVERE } from '../hardening/axe';

describe('training: why CNNs, the shift test (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('trains dense and LeNet-5 with and without shift augmentation; the slider reads each accuracy at a shift', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1&panel=lenet`);
    await expect.poll(() => page.getByTestId('lenet-status').textContent(), { timeout: 120_000 }).toMatch(/MNIST ready/);
    const base = await numTensors(page);

    // Tiny settings: the dense model still learns enough to lose accuracy when digits move.
    await page.getByTestId('shift-train-size').fill('300');
    await page.getByTestId('shift-epochs').fill('2');
    await page.getByTestId('shift-test-size').fill('100');
    await page.getByTestId('shift-direction').selectOption('right');
    await page.getByTestId('shift-run').click();
    await expect.poll(() => page.getByTestId('shift-status').textContent(), { timeout: 300_000 }).toMatch(/^done: 4 models/);

    const chart = page.getByTestId('shift-chart');
    expect(await chart.locator('polyline').count()).toBe(4);
    expect(await chart.locator('figcaption').textContent()).toMatch(/dense.*dense \+ shift aug\..*LeNet-5.*LeNet-5 \+ shift aug\./s);
    expect(await page.getByTestId('shift-readout').locator('tbody tr').count()).toBe(4);

    // Keyboard: End moves the slider to the largest shift; the readout and the chart's marker follow.
    const slider = page.getByTestId('shift-slider');
    await slider.focus();
    await page.keyboard.press('End');
    expect(await slider.inputValue()).toBe('8');
    await expect.poll(() => page.getByTestId('shift-readout').locator('thead th').last().textContent()).toBe('8 px');
    const [at0, at8] = (await page.getByTestId('shift-row-dense').locator('td').allTextContents()).slice(1).map(Number);
    expect(at0).toBeGreaterThan(0.3); // the dense model learned something
    expect(at8).toBeLessThan(at0); // and an 8-pixel shift costs it accuracy
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('shift-readout').locator('thead th').last().textContent()).toBe('7 px');
    expect(await chart.locator('line[stroke="#facc15"]').count()).toBe(1);

    expect(await numTensors(page)).toBe(base); // four models trained, swept and disposed
    const severe = (await runAxe(page, 'training/lenet (shift test)')).violations.filter((v) => SEVERE.has(v.impact ?? ''));
    expect(severe, describeViolations(severe)).toEqual([]);
    await page.screenshot({ path: artifactPath('training-shift.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
