/**
 * The training page logs no Svelte warning. Svelte's runtime checks
 * (`binding_property_non_reactive`, `ownership_invalid_mutation`, …) only run
 * when it is compiled in dev mode, so this suite serves the app with Vite's
 * dev server, as `npm run dev` does, and visits every training panel, its
 * code tabs and the LeNet architecture editor.
 */
import { describe, expect, it } from 'vitest';
import { startDevAppServer } from '../../dev/appServer';
import { launchChromium } from '../../dev/browser';
import { useServedApp } from '../helpers/servedApp';
import { recordSvelteWarnings } from '../helpers/svelteWarnings';

const PANELS = ['mlp', 'lenet', 'tuner', 'zoo', 'labs'] as const;

describe('training page: no Svelte warnings (dev server, headless Chromium)', () => {
  const app = useServedApp(() => launchChromium(), startDevAppServer);

  it('visits every panel, the code tabs and the architecture editor without a Svelte warning', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const warnings = recordSvelteWarnings(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.server.origin}/?view=training&testHooks=1`);

    for (const panel of PANELS) {
      const tab = page.getByTestId(`tab-${panel}`);
      await tab.click({ timeout: 120_000 });
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      // The code view's own tabs (MLP and LeNet panels): open it and select each API.
      const codeView = page.getByTestId(`${panel}-code-view`);
      if ((await codeView.count()) > 0) {
        await codeView.locator('summary').click();
        for (const codeTab of await codeView.getByRole('tab').all()) {
          await codeTab.click();
          await expect.poll(() => codeTab.getAttribute('aria-selected')).toBe('true');
        }
      }
      if (panel === 'lenet') {
        // The architecture editor changes the panel's config in place.
        await page.getByLabel('block 1 filters').fill('8');
        await page.getByTestId('dense-preset').click();
        await expect.poll(() => page.getByTestId('layer-table').locator('caption').textContent()).toMatch(/266,610 parameters/);
      }
    }
    // Let effects scheduled by the last change run.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(pageErrors).toEqual([]);
    expect(warnings).toEqual([]);
    await page.close();
  });
});
