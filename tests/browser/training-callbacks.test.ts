import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { numTensors } from '../helpers/trainingPage';
import { launchChromium } from '../../dev/browser';

/** Clicks Train and waits until the run is in the run history and the panel is idle again; returns the message. */
async function train(page: Page): Promise<string> {
  const runs = page.getByTestId('mlp-runs').locator('tbody tr');
  const before = await runs.count();
  await page.getByTestId('mlp-train').click();
  await expect.poll(() => runs.count(), { timeout: 120_000 }).toBe(before + 1);
  await expect.poll(() => page.getByTestId('mlp-train').isEnabled(), { timeout: 120_000 }).toBe(true);
  return (await page.getByTestId('mlp-message').textContent()) ?? '';
}

describe('training: callbacks, weight init, run history and grid search (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1`);
  });

  it('zeros init leaves hidden units identical; rules stop runs; schedules change the rate; history exports CSV; tensors stay flat', async () => {
    await page.getByLabel('Epochs', { exact: true }).fill('4');
    await page.getByLabel('Hidden activation').selectOption('sigmoid');
    await page.getByTestId('mlp-init').selectOption('zeros');
    expect(await train(page)).toMatch(/completed 4 epochs/);
    const base = await numTensors(page);
    await expect
      .poll(() => page.getByTestId('mlp-symmetry').textContent())
      .toMatch(/hidden1: all 8 units identical.*hidden2: all 8 units identical/s);

    await page.getByTestId('mlp-init').selectOption('glorot');
    await train(page);
    expect(await page.getByTestId('mlp-symmetry').textContent()).toMatch(/hidden1: units differ.*hidden2: units differ/s);

    // Custom rule: stop when the training loss reaches 100 (true after the first epoch).
    await page.getByTestId('mlp-stopat').check();
    await page.locator('select[aria-label="stop-at metric"]').selectOption('loss');
    await page.getByTestId('mlp-stopat-target').fill('100');
    expect(await train(page)).toMatch(/loss reached 100 at epoch 1/);
    await page.getByTestId('mlp-stopat').uncheck();

    // EarlyStopping with an impossible min_delta stops after patience + 1 epochs.
    await page.getByTestId('mlp-early').check();
    await page.getByTestId('mlp-patience').fill('1');
    await page.getByLabel('min_delta').fill('5');
    expect(await train(page)).toMatch(/EarlyStopping: no val_loss improvement for 1 epoch/);
    await page.getByTestId('mlp-early').uncheck();

    // Step schedule halving each epoch: the 3rd epoch runs at lr / 4.
    await page.getByTestId('mlp-lr').fill('0.04');
    await page.getByTestId('mlp-schedule').selectOption('step');
    await page.getByLabel('Every (epochs)').fill('1');
    await page.getByLabel('Epochs', { exact: true }).fill('3');
    await train(page);
    expect(await page.getByTestId('mlp-epoch-info').textContent()).toMatch(
      /Epoch 3: \d+ ms, learning rate 0\.0100;\s+best val_loss at epoch \d/,
    );

    // Five runs in the history; the CSV has a row per epoch per run.
    expect(await page.getByTestId('mlp-runs').locator('tbody tr').count()).toBe(5);
    await page.getByTestId('mlp-csv').click();
    const csv = await page.evaluate(async () => {
      const a = document.querySelector<HTMLAnchorElement>('[data-testid="mlp-csv-link"]');
      return a ? (await fetch(a.href)).text() : '';
    });
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('run,label,epoch,loss,accuracy,val_loss,val_accuracy,lr,ms');
    expect(rows).toHaveLength(1 + 4 + 4 + 1 + 2 + 3);
    expect(rows.at(-1)).toMatch(/^5,.*,3,[\d.e-]+,[\d.]+,[\d.e-]+,[\d.]+,0\.01,[\d.]+$/);
    expect(await page.locator('svg polyline.ghost').count()).toBeGreaterThan(0);
    expect(await numTensors(page)).toBe(base);
  });

  it('runs a grid search with per-trial EarlyStopping, in grid order, keyboard-driven', async () => {
    await page.getByTestId('tab-tuner').click();
    await page.getByTestId('tuner-strategy').selectOption('grid');
    await page.getByTestId('tuner-grid-steps').fill('2');
    await expect.poll(() => page.getByTestId('tuner-grid-size').textContent()).toMatch(/grid: 72 points/);
    await page.getByTestId('tuner-trials').fill('2');
    await page.getByLabel('Epochs per trial').fill('6');
    await page.getByTestId('tuner-early').check();
    await page.getByTestId('tuner-patience').fill('0');
    await page.getByTestId('tuner-run').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('tuner-status').textContent(), { timeout: 120_000 }).toMatch(/2 trials done/);
    const rows = await page.getByTestId('tuner-table').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    // Grid order: one layer of 2 units, lr 0.001 then 0.1 (both ends of the log range), batch 8, tanh.
    expect(rows[0]).toMatch(/^0\s*2\s*1\.00e-3\s*8\s*tanh/);
    expect(rows[1]).toMatch(/^1\s*2\s*1\.00e-3\s*8\s*relu/);
    expect(pageErrors).toEqual([]);
  });
});
