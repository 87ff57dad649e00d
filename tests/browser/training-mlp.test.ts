import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../dev/appServer';
import { artifactPath, isLocal, launchChromium, recordRequests } from '../../dev/browser';

describe('training view: MLP basics and random search (headless Chromium)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    requests = recordRequests(page);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/?view=training`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('trains an MLP on XOR with a live boundary, network diagram and step-through', async () => {
    await page.getByTestId('mlp-train').click();
    await expect.poll(() => page.getByTestId('mlp-message').textContent(), { timeout: 120_000 }).toMatch(/completed 60 epochs/);
    await expect.poll(() => page.getByTestId('training-backend').textContent()).toBe('wasm');
    expect(await page.getByTestId('network').locator('line').count()).toBe(2 * 8 + 8 * 8 + 8 * 2);
    expect(await page.getByTestId('step-through').locator('table').count()).toBe(3);
    await page.getByTestId('mlp-code-view').locator('summary').click();
    await page.getByTestId('mlp-code-view').getByRole('tab', { name: 'Functional' }).click();
    expect(await page.getByTestId('mlp-code').textContent()).toContain('tf.model({ inputs: input');
    await page.locator('summary', { hasText: 'Learning-rate range test' }).click();
    await page.getByTestId('lr-range').click();
    await expect.poll(() => page.getByTestId('lr-suggestion').textContent(), { timeout: 120_000 }).toMatch(/Suggested learning rate/);
    await page.locator('summary', { hasText: 'Activation functions' }).click();
    await page.screenshot({ path: artifactPath('training-mlp.png'), fullPage: true });
  });

  it('stops on a diverging learning rate with a clear message and keeps the last good weights', async () => {
    await page.getByTestId('mlp-task').selectOption('regression');
    await page.getByLabel('Optimizer').selectOption('sgd');
    await page.getByTestId('mlp-lr').fill('');
    await page.getByTestId('mlp-train').click();
    await expect.poll(() => page.getByTestId('mlp-error').textContent()).toMatch(/learningRate is (null|NaN)/);
    await page.getByTestId('mlp-lr').fill('100');
    await page.getByTestId('mlp-train').click();
    await expect.poll(() => page.getByTestId('mlp-error').textContent(), { timeout: 120_000 }).toMatch(/NaN\/Infinity.*restored/);
    await page.screenshot({ path: artifactPath('training-mlp-nan.png'), fullPage: true });
  });

  it('runs a seeded random search and loads the best trial into the MLP panel', async () => {
    await page.getByTestId('tab-tuner').click();
    await page.getByTestId('tuner-trials').fill('3');
    await page.getByTestId('tuner-run').click();
    await expect.poll(() => page.getByTestId('tuner-table').locator('tbody tr').count(), { timeout: 120_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('tuner-status').textContent(), { timeout: 120_000 }).toMatch(/3 trials/);
    await page.screenshot({ path: artifactPath('training-tuner.png'), fullPage: true });
    await page.getByTestId('tuner-load-best').click();
    await expect.poll(() => page.getByTestId('mlp-message').textContent(), { timeout: 120_000 }).toMatch(/completed/);
    expect(requests.filter((u) => !isLocal(u, server.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
