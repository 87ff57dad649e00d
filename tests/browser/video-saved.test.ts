/**
 * Detections kept in IndexedDB: a processed upload's detection cache is
 * saved in the browser; after a reload, choosing the same file offers a
 * re-track from it, which runs without the detector (the worker's
 * detector-call counter stays at 0) and gives the first run's exports byte
 * for byte, thumbnails included. Deleting forgets it, with saving
 * switched off a run keeps nothing, and a full storage quota (set through
 * the DevTools protocol) is a message while the in-memory cache still works.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerStats } from '../../src/app/video/protocol.ts';
import { vtest10Vp8, vtest40Vp8, VTEST40_FRAMES, type AppSession } from '../../dev/video/appVideo';
import { useVideoApp } from '../helpers/videoApp.ts';

const workerStats = (app: AppSession) =>
  app.page.evaluate(() => (window as unknown as { trackscope: { videoWorker: () => WorkerStats | null } }).trackscope.videoWorker());

/** Track ids in the track table that show a thumbnail, and all ids. */
async function thumbnails(app: AppSession): Promise<{ withThumb: string[]; all: string[] }> {
  const rows = app.page.getByTestId('video-tracks').locator('tbody tr');
  const all = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-track-id') ?? ''));
  const withThumb = await rows.evaluateAll((trs) =>
    trs.filter((tr) => tr.querySelector('img[src^="blob:"]')).map((tr) => tr.getAttribute('data-track-id') ?? ''),
  );
  return { withThumb, all };
}

/** The video metadata list as { term: description }. */
const metadataList = (app: AppSession) =>
  app.page
    .getByTestId('video-metadata')
    .locator('div')
    .evaluateAll((divs) => Object.fromEntries(divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent])));

const savedFiles = (app: AppSession) =>
  app.page
    .getByTestId('saved-list')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file')));

describe('Video view: detections saved in IndexedDB (40-frame VP8 WebM cut from vtest)', () => {
  const app = useVideoApp('&testHooks=1');
  const clip = vtest40Vp8();

  it('saves a processed upload; after a reload the same file re-tracks from it without the detector, with identical exports', async () => {
    const { page } = app;
    await app.process(clip);
    expect((await workerStats(app))!.detectCalls).toBe(VTEST40_FRAMES);
    await expect.poll(() => savedFiles(app)).toEqual(['vtest-40-vp8.webm']);
    const summary = await page.getByTestId('saved-detections').locator('summary').textContent();
    expect(summary).toMatch(/1 video, [\d.]+ (KB|MB)/);
    console.log(summary); // the saved size of 40 frames, for the record (not asserted)
    const mot = (await app.downloadText('export-mot')).text;
    const json = (await app.downloadText('export-json')).text;
    const thumbs = await thumbnails(app);
    expect(thumbs.withThumb.length).toBeGreaterThanOrEqual(3);
    const metadata = await metadataList(app);
    expect(metadata).toMatchObject({ Resolution: '768×576', Detector: expect.stringMatching(/^centernet on \w+$/) });

    // A new page (a new video worker, no detection cache in memory): the saved one is offered.
    await page.reload();
    await page.getByTestId('video-file').setInputFiles(clip);
    const restore = page.getByTestId('saved-restore');
    await restore.waitFor({ timeout: 60_000 });
    expect(await restore.textContent()).toContain(`(${VTEST40_FRAMES} frames, saved `);
    // The offer has the focus: Enter accepts it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('saved-restore');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="video-results"]') && !document.querySelector('[data-testid="retrack-progress"]'),
      null,
      { timeout: 120_000, polling: 100 },
    );
    expect(await page.getByTestId('video-error').count()).toBe(0);
    expect(await page.getByTestId('retrack-summary').getAttribute('data-frames')).toBe(String(VTEST40_FRAMES));
    const restored = (await workerStats(app))!;
    expect(restored.detectCalls).toBe(0);
    expect(restored.cachedFrames).toBe(VTEST40_FRAMES);
    expect((await app.downloadText('export-mot')).text).toBe(mot);
    expect((await app.downloadText('export-json')).text).toBe(json);
    // The metadata list (file, codec, frames, detector and backend) is the one the run showed.
    expect(await metadataList(app)).toEqual(metadata);
    // Thumbnails are cut from the video's pixels after a re-track too.
    await expect.poll(() => thumbnails(app)).toEqual(thumbs);

    // Re-tracking the restored cache again: no detector, and the worker's tensors stay flat.
    await page.getByTestId('video-retrack').click();
    await expect.poll(() => page.getByTestId('retrack-progress').count(), { timeout: 60_000 }).toBe(0);
    const again = (await workerStats(app))!;
    expect(again.detectCalls).toBe(0);
    expect(again.numTensors).toBe(restored.numTensors);
    expect(app.pageErrors).toEqual([]);
  });

  it('Delete forgets a saved cache; with saving off a run keeps nothing', async () => {
    const { page } = app;
    await page.getByTestId('saved-detections').locator('summary').click();
    await page.getByTestId('saved-delete').click();
    await expect.poll(() => page.getByTestId('saved-list').count()).toBe(0);
    expect(await page.getByTestId('saved-detections').locator('summary').textContent()).toContain('0 videos');

    await page.getByTestId('saved-toggle').uncheck();
    const before = (await workerStats(app))!.detectCalls;
    await page.getByTestId('video-file').setInputFiles([]);
    await app.process(clip);
    expect(await page.getByTestId('saved-offer').count()).toBe(0);
    expect((await workerStats(app))!.detectCalls - before).toBe(VTEST40_FRAMES);
    await page.reload();
    await page.getByTestId('saved-detections').waitFor();
    expect(await page.getByTestId('saved-detections').locator('summary').textContent()).toContain('0 videos');
    // The switch is a persisted setting.
    expect(await page.getByTestId('saved-toggle').isChecked()).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });
});

// A browser of its own: Chromium applies a quota override to an origin whose storage it has not used yet in that browser.
describe('Video view: detections not kept when the storage quota is full', () => {
  const app = useVideoApp('&testHooks=1');
  const clip = vtest10Vp8();

  it('a full storage quota: a message naming it, the results shown, and Re-track still works from memory', async () => {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin, quotaSize: 1024 });
    try {
      await app.process(clip);
      expect(await page.getByTestId('video-results').getAttribute('data-file')).toBe('vtest-10-vp8.webm');
      const notice = await page.getByTestId('video-notice').textContent();
      expect(notice).toMatch(/Keeping the detections in this browser failed: the browser's storage quota for this site is full/);
      expect(notice).toContain('Re-track and Save detections still work');
      expect(await page.getByTestId('saved-list').count()).toBe(0);
      const rows = (await app.downloadText('export-mot')).text;
      const detectCalls = (await workerStats(app))!.detectCalls;
      await page.getByTestId('video-retrack').click();
      await expect.poll(() => page.getByTestId('retrack-progress').count(), { timeout: 60_000 }).toBe(0);
      expect((await app.downloadText('export-mot')).text).toBe(rows);
      expect((await workerStats(app))!.detectCalls).toBe(detectCalls);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin });
    }
    expect(app.pageErrors).toEqual([]);
  });
});
