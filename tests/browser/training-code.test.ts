import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp';
import { artifactPath, launchChromium } from '../../dev/browser';
import { describeViolations, runAxe, SEVERE } from '../hardening/axe';

/** The code view's selected tab, its trade-off line and its code. */
async function shown(page: Page, id: string): Promise<{ tab: string; tradeoff: string; code: string }> {
  const view = page.getByTestId(`${id}-code-view`);
  return {
    tab: (await view.locator('[role=tab][aria-selected=true]').textContent()) ?? '',
    tradeoff: (await page.getByTestId(`${id}-code-tradeoff`).textContent()) ?? '',
    code: (await page.getByTestId(`${id}-code`).textContent()) ?? '',
  };
}

describe('training: three APIs, one model (headless Chromium)', () => {
  const app = useServedApp(() => launchChromium());

  it('switches Sequential / Functional / Subclassing with the keyboard, and the code follows the controls', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1`);

    // MLP: open the view with the keyboard, then walk the tabs with the arrow keys.
    await page.getByTestId('mlp-code-view').locator('summary').focus();
    await page.keyboard.press('Enter');
    let s = await shown(page, 'mlp');
    expect(s.tab).toBe('Sequential');
    expect(s.code).toContain('const model = tf.sequential();');
    expect(s.tradeoff).toMatch(/static graph.*save, copy and inspect/i);
    await page.getByTestId('mlp-code-view').getByRole('tab', { name: 'Sequential' }).focus();
    await page.keyboard.press('ArrowRight');
    s = await shown(page, 'mlp');
    expect(s.tab).toBe('Functional');
    expect(s.code).toContain('const model = tf.model({ inputs: input, outputs: output });');
    await page.keyboard.press('ArrowRight');
    s = await shown(page, 'mlp');
    expect(s.tab).toBe('Subclassing');
    expect(s.tradeoff).toMatch(/flexible.*opaque/);
    expect(s.code).toContain('tf.variableGrads(');
    expect(s.code).not.toContain('hidden3');

    // A control changes the code: a third hidden layer of 5 ReLU units.
    await page.getByTestId('mlp-layers').fill('8,8,5');
    await page.getByLabel('Hidden activation').selectOption('relu');
    s = await shown(page, 'mlp');
    expect(s.code).toContain('this.hidden3 = weights([8, 5], 44);');
    expect(s.code).toContain('h = tf.relu(h.matMul(this.hidden3.kernel).add(this.hidden3.bias));');

    // Wide & Deep is not a stack: no Sequential tab; Functional concatenates the two paths.
    await page.getByTestId('mlp-wide').check();
    const tabs = page.getByTestId('mlp-code-view').getByRole('tab');
    await expect.poll(() => tabs.allTextContents()).toEqual(['Functional', 'Subclassing']);
    s = await shown(page, 'mlp');
    expect(s.code).toContain('class WideAndDeep');
    await page.getByTestId('mlp-code-view').getByRole('tab', { name: 'Subclassing' }).focus();
    await page.keyboard.press('Home');
    s = await shown(page, 'mlp');
    expect(s.tab).toBe('Functional');
    expect(s.code).toContain(`tf.layers.concatenate({ name: 'wide_deep' }).apply([norm, hidden3])`);

    // LeNet: the code follows the architecture editor.
    await page.getByTestId('tab-lenet').click();
    await page.getByTestId('lenet-code-view').locator('summary').click();
    await page.getByTestId('lenet-code-view').getByRole('tab', { name: 'Sequential' }).focus();
    await page.keyboard.press('End');
    s = await shown(page, 'lenet');
    expect(s.tab).toBe('Subclassing');
    expect(s.code).toContain('this.conv1 = weights([5, 5, 1, 6], 1);');
    await page.getByLabel('block 1 filters').fill('4');
    await page.getByLabel('block 1 pooling').selectOption('min');
    s = await shown(page, 'lenet');
    expect(s.code).toContain('this.conv1 = weights([5, 5, 1, 4], 1);');
    expect(s.code).toContain('this.conv2 = weights([5, 5, 4, 16], 3);');
    expect(s.code).toContain('h = tf.neg(tf.maxPool(tf.neg(h), 2, 2, ');
    await page.keyboard.press('Tab'); // leave the select; back to the tabs with the keyboard
    await page.getByTestId('lenet-code-view').getByRole('tab', { name: 'Subclassing' }).focus();
    await page.keyboard.press('ArrowLeft');
    s = await shown(page, 'lenet');
    expect(s.tab).toBe('Functional');
    expect(s.code).toContain(`const pool1 = new MinPooling2D({ name: 'pool1', poolSize: 2, strides: 2 }).apply(conv1);`);
    const severe = (await runAxe(page, 'training/lenet (code view open)')).violations.filter((v) => SEVERE.has(v.impact ?? ''));
    expect(severe, describeViolations(severe)).toEqual([]);
    await page.screenshot({ path: artifactPath('training-code.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
