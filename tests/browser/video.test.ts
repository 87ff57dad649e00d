import { decodeCocoRle } from '../../src/core/export/cocoRle.ts';
import type { TrackscopeResults } from '../../src/core/export/jsonExport.ts';
import { describe, expect, it } from 'vitest';
import { parseMot } from '../../src/core/metrics/index.ts';
import { artifactPath } from '../../dev/browser';
import { vtest40Vp8, VTEST40_FRAMES } from '../../dev/video/appVideo';
import { useVideoApp } from '../helpers/videoApp.ts';

describe('Video view (headless Chromium, 40-frame VP8 WebM cut from vtest)', () => {
  const app = useVideoApp();
  const clip = vtest40Vp8();

  it('processes every frame of an upload and exports MOT rows for the frames with people', async () => {
    const { page } = app;
    await app.process(clip);
    await expect.poll(() => page.getByTestId('video-error').count()).toBe(0);
    const results = page.getByTestId('video-results');
    expect(await results.getAttribute('data-frames')).toBe(String(VTEST40_FRAMES));
    expect(await page.getByTestId('meta-resolution').textContent()).toBe('768×576');
    expect(Number(await page.getByTestId('video-summary').getAttribute('data-frames'))).toBe(VTEST40_FRAMES);
    expect(await page.getByTestId('video-tracks').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);

    const mot = await app.downloadText('export-mot');
    expect(mot.name).toBe('vtest-40-vp8.mot.txt');
    const rows = parseMot(mot.text, mot.name);
    const frames = new Set(rows.map((r) => r.frame));
    expect(Math.min(...frames)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...frames)).toBeLessThanOrEqual(VTEST40_FRAMES);
    // vtest shows several pedestrians in every frame; tracks confirm within the first few frames.
    for (let f = 5; f <= VTEST40_FRAMES; f++) expect(frames.has(f), `rows for frame ${f}`).toBe(true);
    expect(mot.text.split('\n')[0]).toMatch(/^\d+,\d+,[-\d.e]+,[-\d.e]+,[\d.e]+,[\d.e]+,[\d.e]+,-1,-1,-1$/);
    for (const r of rows) {
      expect(r.box[0] + r.box[2]).toBeGreaterThan(0);
      expect(r.box[0]).toBeLessThan(768);
    }

    const json = JSON.parse((await app.downloadText('export-json')).text) as TrackscopeResults;
    expect(json.format).toBe('trackscope-results');
    expect(json.frames.reduce((n, f) => n + f.objects.length, 0)).toBe(rows.length);
    expect(json.frames[0].objects[0].label).toBe('person');
    // Person masks ride along per object as COCO RLE at the video's size, with people in them.
    const masked = json.frames.flatMap((f) => f.objects).filter((o) => o.mask);
    expect(masked.length).toBeGreaterThan(json.frames.length / 2);
    for (const { mask } of masked) expect(mask!.size).toEqual([576, 768]);
    expect(masked.some(({ mask }) => decodeCocoRle(mask!).reduce((a, b) => a + b, 0) > 50)).toBe(true);

    // Results open on the first frame with a track.
    const first = String(Math.min(...frames) - 1);
    await expect.poll(() => page.getByTestId('video-canvas').getAttribute('data-rendered-frame'), { timeout: 60_000 }).toBe(first);
    expect(await page.getByTestId('video-scrub').inputValue()).toBe(first);

    // Scrubbing decodes the frame and draws its boxes.
    await page.getByTestId('video-scrub').fill('30');
    await expect.poll(() => page.getByTestId('video-canvas').getAttribute('data-rendered-frame'), { timeout: 120_000 }).toBe('30');
    // Person masks, clipped to each track's box, are painted under the boxes (count exposed on the canvas).
    expect(Number(await page.getByTestId('video-canvas').getAttribute('data-masks-drawn'))).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: artifactPath('video-view.png'), fullPage: true });

    // Ground truth equal to the results: MOTA 100 and per-frame chart.
    await page.getByTestId('gt-file').setInputFiles({ name: 'gt.txt', mimeType: 'text/plain', buffer: Buffer.from(mot.text) });
    await expect.poll(() => page.getByTestId('metric-mota').textContent()).toBe('100.0');
    expect(await page.getByTestId('metric-idsw').textContent()).toBe('0');
    expect(await page.getByTestId('error-chart').count()).toBe(1);

    // Annotated WebM: every frame rendered once.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-webm').click()]);
    expect(download.suggestedFilename()).toBe('vtest-40-vp8.tracks.webm');
    const path = artifactPath('video-annotated.webm');
    await download.saveAs(path);
    const { ffprobeFrameCount } = await import('../../dev/video/clips');
    expect(ffprobeFrameCount(path)).toBe(VTEST40_FRAMES);
    expect(app.pageErrors).toEqual([]);
  });
});
