/**
 * Video view run controls, end to end: Pause stops processing (no frame is
 * done while paused), Resume finishes the run with the same tracks as an
 * uninterrupted run, and Cancel keeps the frames done so far, says so, and
 * leaves the app ready for the next file. Outcomes depend on the clip, not on
 * the machine's speed: the test waits on the page's own counters.
 */
import { describe, expect, it } from 'vitest';
import { vtest10Vp8, VTEST10_FRAMES, vtest40Vp8, VTEST40_FRAMES } from '../../dev/video/appVideo.ts';
import { useVideoApp } from '../helpers/videoApp.ts';

/** While paused, nothing may move: checked over this many polls of the counter. */
const PAUSED_POLLS = 6;
const POLL_MS = 300;

describe('Video view: pause, resume and cancel a run', () => {
  const app = useVideoApp('&backend=wasm&saveDetections=false');
  const framesDone = async () => Number(await app.page.getByTestId('frames-done').textContent());
  const start = async (minFrames: number) => {
    await app.page.getByTestId('video-file').setInputFiles(vtest40Vp8());
    await expect.poll(framesDone, { timeout: 180_000, interval: 100 }).toBeGreaterThanOrEqual(minFrames);
  };

  // Each run re-chooses the same file: the picker clears itself after a choice, or the browser would not fire `change` again.
  it('pauses without processing a frame, and resumes to the tracks of an uninterrupted run', async () => {
    await app.process(vtest40Vp8());
    const uninterrupted = (await app.downloadText('export-mot')).text;
    expect(uninterrupted.trim().split('\n').length).toBeGreaterThan(VTEST40_FRAMES);

    await start(3);
    await app.page.getByTestId('video-pause').click();
    await expect.poll(() => app.page.getByTestId('video-status').textContent()).toMatch(/paused/);
    await expect(app.page.getByTestId('video-resume').isVisible()).resolves.toBe(true);
    // The frame in flight when Pause was pressed may still land; from then on the count must not move.
    let last = -1;
    await expect
      .poll(async () => {
        const [a, b] = [await framesDone(), (await app.page.waitForTimeout(POLL_MS), await framesDone())];
        last = b;
        return a === b;
      })
      .toBe(true);
    for (let k = 0; k < PAUSED_POLLS; k++) {
      await app.page.waitForTimeout(POLL_MS);
      expect(await framesDone()).toBe(last);
    }
    expect(last).toBeLessThan(VTEST40_FRAMES);

    await app.page.getByTestId('video-resume').click();
    await app.page.getByTestId('video-summary').waitFor({ timeout: 180_000 });
    expect(await app.page.getByTestId('video-results').getAttribute('data-frames')).toBe(String(VTEST40_FRAMES));
    expect((await app.downloadText('export-mot')).text).toBe(uninterrupted);
    expect(app.pageErrors).toEqual([]);
  });

  it('cancels mid-run: keeps the frames done so far, says so, and processes the next file', async () => {
    await start(2);
    await app.page.getByTestId('video-cancel').click();
    const notice = app.page.getByTestId('video-notice');
    await notice.waitFor({ timeout: 60_000 });
    const kept = Number((await notice.textContent())?.match(/Cancelled after (\d+) frames; the results so far are kept/)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(VTEST40_FRAMES);
    expect(await app.page.getByTestId('video-results').getAttribute('data-frames')).toBe(String(kept));
    await expect(app.page.getByTestId('video-progress').count()).resolves.toBe(0);

    // The app is ready for the next run (another, shorter file), which replaces the partial results.
    await app.process(vtest10Vp8());
    expect(await app.page.getByTestId('video-results').getAttribute('data-file')).toBe('vtest-10-vp8.webm');
    expect(await app.page.getByTestId('video-results').getAttribute('data-frames')).toBe(String(VTEST10_FRAMES));
    expect(app.pageErrors).toEqual([]);
  });
});
