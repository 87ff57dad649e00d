/**
 * Re-tracking in the Video view: an upload's detections are cached in the
 * video worker, and "Re-track" re-runs only tracking and refinement over
 * them with the user's tracker settings. The worker's detector-call counter
 * (`?testHooks=1`) proves the detector does not run again; the metrics
 * against a loaded ground truth follow each re-track; the worker's tensor
 * count stays flat. The cache saves as the CLI's JSON and loads back, as
 * does a MOTChallenge det.txt; a bad file leaves the app usable.
 */
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDetectionCache } from '../../src/core/pipeline/detectionCache.ts';
import { parseMot } from '../../src/core/metrics/index.ts';
import type { WorkerStats } from '../../src/app/video/protocol.ts';
import type { TrackerExplanation } from '../../src/core/tracking/index.ts';
import { artifactPath } from '../../dev/browser';
import { vtest40Vp8, VTEST40_FRAMES, type AppSession } from '../../dev/video/appVideo';
import { useVideoApp } from '../helpers/videoApp.ts';

const workerStats = (app: AppSession) =>
  app.page.evaluate(() => (window as unknown as { trackscope: { videoWorker: () => WorkerStats | null } }).trackscope.videoWorker());

/** Clicks Re-track, loads a file or chooses a video, and waits until new results (or an error) are shown. */
async function retracked(app: AppSession, action: () => Promise<void>): Promise<void> {
  const before = await app.page.getByTestId('video-results').getAttribute('data-revision');
  await action();
  await app.page.waitForFunction(
    (rev) => {
      const shown = document.querySelector('[data-testid="video-results"]')?.getAttribute('data-revision');
      const error = document.querySelector('[data-testid="video-error"]');
      const busy = document.querySelector('[data-testid="retrack-progress"], [data-testid="video-progress"]');
      return (shown !== rev && !busy) || error;
    },
    before,
    { timeout: 240_000, polling: 100 },
  );
}

const explanation = (app: AppSession) =>
  app.page.evaluate(() =>
    (
      window as unknown as { trackscope: { videoExplanation: () => { frame: number; explanation: TrackerExplanation } | null } }
    ).trackscope.videoExplanation(),
  );

/** A det.txt re-track whose boxes start here leaves frames 0-11 without tracks. */
const DET_FIRST_FRAME = 12;

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

describe('Video view: re-tracking from the detection cache (40-frame VP8 WebM cut from vtest)', () => {
  const app = useVideoApp('&testHooks=1');
  const clip = vtest40Vp8();

  it('re-tracks with new nInit and thresholds without the detector, and the metrics follow', async () => {
    const { page } = app;
    await expect(page.getByTestId('video-retrack').isDisabled()).resolves.toBe(true);
    await app.process(clip);
    const first = (await workerStats(app))!;
    expect(first.cachedFrames).toBe(VTEST40_FRAMES);
    expect(first.detectCalls).toBe(VTEST40_FRAMES);

    // Ground truth = the first run's rows: MOTA 100.
    const mot = await app.downloadText('export-mot');
    await page.getByTestId('gt-file').setInputFiles(file('gt.txt', mot.text));
    await expect.poll(() => page.getByTestId('metric-mota').textContent()).toBe('100.0');

    // nInit 0 confirms tracks on their first detection: the rows change (earlier boxes), the matches not on this easy clip.
    await page.getByTestId('tracker-nInit').fill('0');
    await retracked(app, () => page.getByTestId('video-retrack').click());
    expect(await page.getByTestId('retrack-summary').getAttribute('data-frames')).toBe(String(VTEST40_FRAMES));
    console.log(await page.getByTestId('retrack-summary').textContent()); // the re-track's time, for the record (not asserted)
    const earlier = await app.downloadText('export-mot');
    expect(earlier.text).not.toBe(mot.text);
    // Letting weaker detections start tracks as well adds tracks on clutter: false positives, lower MOTA.
    await page.getByTestId('tracker-newTrackScoreThreshold').fill('0.3');
    await retracked(app, () => page.getByTestId('video-retrack').click());
    expect((await app.downloadText('export-mot')).text).not.toBe(earlier.text);
    expect(Number(await page.getByTestId('metric-mota').textContent())).toBeLessThan(100);
    expect(Number(await page.getByTestId('metric-fp').textContent())).toBeGreaterThan(0);
    const second = (await workerStats(app))!;
    expect(second.detectCalls).toBe(first.detectCalls);
    expect(second.numTensors).toBe(first.numTensors);

    // Back to the defaults, with the keyboard: the same rows as the detector run, again without it.
    await page.getByTestId('tracker-reset').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('video-retrack').focus();
    await retracked(app, () => page.keyboard.press('Enter'));
    expect((await app.downloadText('export-mot')).text).toBe(mot.text);
    await expect.poll(() => page.getByTestId('metric-mota').textContent()).toBe('100.0');
    const third = (await workerStats(app))!;
    expect(third.detectCalls).toBe(first.detectCalls);
    expect(third.numTensors).toBe(first.numTensors);
    expect(app.pageErrors).toEqual([]);
  });

  it('saves the cache as the CLI JSON, loads it and a det.txt back, and survives a bad file', async () => {
    const { page } = app;
    const saved = await app.downloadText('detections-save');
    expect(saved.name).toBe('vtest-40-vp8.dets.json');
    const cache = parseDetectionCache(saved.text);
    expect(cache.video).toMatchObject({ width: 768, height: 576, frameCount: VTEST40_FRAMES });
    expect(cache.frames).toHaveLength(VTEST40_FRAMES);
    expect(cache.frames.some((f) => f.detections.some((d) => d.embedding))).toBe(true);
    expect(cache.frames.filter((f) => f.mask).length).toBe(VTEST40_FRAMES);
    const rows = (await app.downloadText('export-mot')).text;

    // A bad file: a message naming the problem; the results and Re-track stay.
    await retracked(app, () => page.getByTestId('detections-file').setInputFiles(file('bad.json', '{"format":"other"}')));
    await expect(page.getByTestId('video-error').textContent()).resolves.toContain('not a detection cache');
    expect((await app.downloadText('export-mot')).text).toBe(rows);
    await expect(page.getByTestId('video-retrack').isDisabled()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // The saved cache gives the same rows.
    await retracked(app, () => page.getByTestId('detections-file').setInputFiles(file('dets.json', saved.text)));
    expect(await page.getByTestId('video-error').count()).toBe(0);
    expect((await app.downloadText('export-mot')).text).toBe(rows);

    // MOTChallenge det.txt rows of the cached boxes from 0-based frame `from` on.
    const detTxt = (from: number) =>
      cache.frames
        .filter((f) => f.index >= from)
        .flatMap((f) => f.detections.map((d) => [f.index + 1, -1, ...d.box, d.score > 0.4 ? 0.95 : 0.6, -1, -1, -1].join(',')))
        .join('\n');

    // Boxes only after an empty lead-in: the viewer opens on the first frame with a track.
    await retracked(app, () => page.getByTestId('detections-file').setInputFiles(file('late-det.txt', detTxt(DET_FIRST_FRAME))));
    expect(await page.getByTestId('video-error').count()).toBe(0);
    const first = parseMot((await app.downloadText('export-mot')).text, 'late.mot')[0].frame - 1;
    expect(first).toBeGreaterThanOrEqual(DET_FIRST_FRAME);
    await expect.poll(() => page.getByTestId('video-canvas').getAttribute('data-rendered-frame'), { timeout: 60_000 }).toBe(String(first));
    expect(await page.getByTestId('video-scrub').inputValue()).toBe(String(first));

    // A det.txt of all the cached boxes (no appearance, the tracker defaults): tracks, detector 'det.txt'.
    await retracked(app, () => page.getByTestId('detections-file').setInputFiles(file('det.txt', detTxt(0))));
    expect(await page.getByTestId('video-error').count()).toBe(0);
    expect(await page.getByTestId('retrack-source').textContent()).toContain('det.txt');
    expect(await page.getByTestId('tracker-highScoreThreshold').inputValue()).toBe('0.9');
    const trackRows = page.getByTestId('video-tracks').locator('tbody tr');
    expect(await trackRows.count()).toBeGreaterThanOrEqual(3);
    // Each track's thumbnail is cut from the video's pixels after the re-track (the loaded file has none).
    expect(await trackRows.locator('img[src^="blob:"]').count()).toBe(await trackRows.count());
    expect((await workerStats(app))!.detectCalls).toBe(VTEST40_FRAMES);
    expect(app.pageErrors).toEqual([]);
  });

  it('explains a frame: Kalman predictions and gates, the gated cost heatmap, every pass labelled; re-track updates it', async () => {
    const { page } = app;
    await page.getByTestId('video-scrub').fill('20');
    await page.getByTestId('internals-explain').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('internals-summary').getAttribute('data-frame'), { timeout: 60_000 }).toBe('20');
    const shown = (await explanation(app))!;
    expect(shown.frame).toBe(20);
    const e = shown.explanation;
    expect(e.tracks.length).toBeGreaterThanOrEqual(3);
    expect(e.detections.length).toBeGreaterThanOrEqual(3);
    const combined = page.getByTestId('heatmap-combined');
    expect(await combined.getAttribute('data-rows')).toBe(String(e.tracks.length));
    expect(await combined.getAttribute('data-cols')).toBe(String(e.detections.length));
    expect(await combined.locator('rect').count()).toBe(e.tracks.length * e.detections.length);
    // One heatmap per solved problem, with its own shape and matches, and the pass named.
    const passes = page.locator('[data-testid^="heatmap-pass-"]');
    expect(await passes.count()).toBe(e.passes.length);
    for (const [k, p] of e.passes.entries()) {
      const figure = page.getByTestId(`heatmap-pass-${k}`);
      expect(await figure.getAttribute('data-rows')).toBe(String(p.tracks.length));
      expect(await figure.getAttribute('data-cols')).toBe(String(p.detections.length));
      expect(await figure.getAttribute('data-matches')).toBe(String(p.matches.length));
    }
    const captions = await passes.locator('figcaption').allTextContents();
    expect(captions.some((c) => /Matching cascade.*level 1/.test(c))).toBe(true);
    for (const label of ['IoU pass', 'ByteTrack pass', 'Recovery pass']) expect(captions.some((c) => c.includes(label))).toBe(true);
    // A gate ellipse and a predicted box per track, over the detections.
    expect(await page.locator('.scene ellipse').count()).toBe(e.tracks.length);
    await page.getByTestId('internals-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('video-internals.png'), fullPage: true });

    // Linked to re-tracking: confirming on the first detection (nInit 0) leaves no tentative track in the refreshed view.
    await page.getByTestId('tracker-nInit').fill('0');
    await retracked(app, () => page.getByTestId('video-retrack').click());
    await expect
      .poll(
        async () =>
          (await explanation(app))!.explanation !== null && (await explanation(app))!.explanation.tracks.every((t) => t.confirmed),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect((await explanation(app))!.frame).toBe(20);
    expect(app.pageErrors).toEqual([]);
  });

  it('with detection every 2nd frame, a re-track at the same settings gives the same rows (pixel motion re-measured from the video)', async () => {
    const { page } = app;
    await page.getByTestId('tracker-reset').click();
    await page.getByTestId('video-every').fill('2');
    const before = (await workerStats(app))!;
    // Another name for the same clip (choosing the same file twice may not fire a change); results replace the shown ones at the end.
    const again = join(dirname(clip), 'vtest-40-vp8-every2.webm');
    copyFileSync(clip, again);
    await retracked(app, () => app.process(again));
    const after = (await workerStats(app))!;
    expect(after.detectCalls - before.detectCalls).toBe(VTEST40_FRAMES / 2);
    expect(after.cachedFrames).toBe(VTEST40_FRAMES / 2);
    const rows = (await app.downloadText('export-mot')).text;
    await retracked(app, () => page.getByTestId('video-retrack').click());
    expect((await app.downloadText('export-mot')).text).toBe(rows);
    expect((await workerStats(app))!.detectCalls).toBe(after.detectCalls);
    expect(app.pageErrors).toEqual([]);
  });
});
