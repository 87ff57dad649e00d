/**
 * Privacy: with the live camera running and every view and Training sub-tab
 * visited, the page makes no request to any origin but its own. Every
 * request to another origin is aborted by a route (so nothing could leave
 * even if one were made) and recorded; the test expects none. The served
 * documents must carry the CSP, COOP and COEP headers and the page must be
 * cross-origin isolated; a deliberate foreign fetch must be refused by the
 * CSP. A JSON summary goes to test-results/privacy.json.
 */
import { resolve } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/headers.mjs';
import { writeResultJson } from '../../scripts/lib/resultFiles.ts';
import { useServedApp } from '../helpers/servedApp.ts';
import { isLocal, launchChromium, y4mFromClip } from '../../dev/browser';
import { openTraining, processVideo, TRAINING_TABS } from '../hardening/views.ts';
import { vtest10Vp8 } from '../../dev/video/appVideo';

const CLIP = resolve(import.meta.dirname, '../fixtures/media/vtest-150.mp4');

function expectSecurityHeaders(response: Response | null, what: string): Record<string, string | undefined> {
  expect(response, what).not.toBeNull();
  const h = response!.headers();
  const picked = {
    csp: h['content-security-policy'],
    coop: h['cross-origin-opener-policy'],
    coep: h['cross-origin-embedder-policy'],
  };
  expect(picked, what).toEqual({ csp: contentSecurityPolicy, coop: 'same-origin', coep: 'require-corp' });
  return picked;
}

describe('privacy: nothing leaves the app origin', () => {
  const app = useServedApp(() => launchChromium({ fakeCameraFile: y4mFromClip(CLIP) }));

  it('visits every view with the camera running and sees no foreign request', { timeout: 600_000 }, async () => {
    const { server, browser } = app;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    // Anything not from the app's origin (or blob:/data:) is aborted and recorded.
    await context.route(
      (url) => !isLocal(url.href, server.origin),
      async (route) => {
        blocked.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const visited: string[] = [];

    const home = await page.goto(`${server.origin}/?testHooks=1`);
    const headers = expectSecurityHeaders(home, 'index.html');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByTestId('backend-name').waitFor({ timeout: 120_000 });
    await page.getByTestId('camera-toggle').click();
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 120_000 }).toBe('on');
    await expect
      .poll(() => page.getByTestId('track-list').locator('li').count(), { timeout: 120_000, interval: 500 })
      .toBeGreaterThanOrEqual(1);
    visited.push('live (camera on, tracks shown)');

    await page.getByTestId('tab-video').click();
    await page.getByTestId('video-file').waitFor({ state: 'attached', timeout: 120_000 });
    await processVideo(page, vtest10Vp8());
    visited.push('video (10-frame clip processed)');
    await page.getByTestId('tab-training').click();
    for (const tab of TRAINING_TABS) {
      await openTraining(page, tab);
      visited.push(`training/${tab}`);
    }
    await page.getByTestId('tab-live').click();
    await page.waitForTimeout(2000);
    visited.push('live (again)');

    // The CSP itself refuses a foreign fetch before any request is made.
    const cspRefused = await page.evaluate(() =>
      fetch('https://example.com/collect', { method: 'POST', body: 'x' }).then(
        () => false,
        () => true,
      ),
    );
    expect(cspRefused).toBe(true);

    // Static files from public/ (the model weights) carry the same headers.
    const modelHeaders = expectSecurityHeaders(
      await (await context.newPage()).goto(`${server.origin}/models/manifest.json`),
      'models/manifest.json',
    );

    const foreign = requests.filter((u) => !isLocal(u, server.origin));
    writeResultJson('privacy', {
      origin: server.origin,
      visited,
      requests: requests.length,
      foreignRequests: foreign,
      blockedByRoute: blocked,
      cspRefusedForeignFetch: cspRefused,
      crossOriginIsolated: true,
      headers: { index: headers, models: modelHeaders },
    });
    expect(foreign).toEqual([]);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    await context.close();
  });
});
