import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useServedApp } from '../helpers/servedApp.ts';
import { artifactPath, clipFramesBase64, isLocal, launchChromium, recordRequests, y4mFromClip } from '../../dev/browser';

const CLIP = resolve(import.meta.dirname, '../fixtures/media/vtest-150.mp4');
/** Camera frames stepped through the live loop (detection on each: cadence 1 and input size 512 set in the URL). */
const STEPS = 30;
/** Camera frames stepped at k = 4 for the pixel-motion comparison. */
const FLOW_STEPS = 60;
/** Of those, the camera frames the k = 4 identity check reads. */
const IDENTITY_STEPS = 48;

interface Trackscope {
  stepLive(f: string[]): Promise<number>;
  liveFrames: Array<{ index: number; tracks: Array<{ id: number; box: number[] }> }>;
  liveDrawn: Array<{ index: number; fresh: boolean; tracks: Array<{ id: number; box: number[]; kalman: number[] }> }>;
  liveStats: {
    numTensors: number;
    motionCapture: string | null;
    trackerFrameRate: number | null;
    plannedCadence: number | null;
    stages: Record<string, { median: number; p95: number }>;
  };
}

/** Steps `frames` through the live loop of a fresh page with the URL settings `query`; returns what it drew and recorded. */
async function runStepped(app: ReturnType<typeof useServedApp>, query: string, frames: string[]) {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${app.server.origin}/?testHooks=1&liveStep=1&${query}`);
  await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('wasm');
  await page.getByTestId('camera-toggle').click();
  await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 120_000 }).toBe('on');
  const half = frames.length / 2;
  const step = (f: string[]) => page.evaluate((f) => (window as unknown as { trackscope: Trackscope }).trackscope.stepLive(f), f);
  const tensors = (): Promise<number> =>
    page.evaluate(() => (window as unknown as { trackscope: Trackscope }).trackscope.liveStats.numTensors);
  expect(await step(frames.slice(0, half))).toBe(half);
  const middle = await tensors();
  expect(await step(frames.slice(half))).toBe(frames.length - half);
  const out = await page.evaluate(() => {
    const t = (window as unknown as { trackscope: Trackscope }).trackscope;
    return { detected: t.liveFrames, drawn: t.liveDrawn, stats: t.liveStats };
  });
  const end = await tensors();
  const inputSize = (await page.getByTestId('input-size').textContent())?.trim();
  expect(pageErrors).toEqual([]);
  await page.close();
  return { ...out, tensors: { middle, end }, inputSize };
}

describe('live camera (headless Chromium, vtest.avi as the webcam)', () => {
  const app = useServedApp(() => launchChromium({ fakeCameraFile: y4mFromClip(CLIP) }));

  it('tracks people with stable ids over the camera video, keeping every request on localhost', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = recordRequests(page);
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(`${app.server.origin}/?testHooks=1&liveStep=1&cadence=1&inputSize=512`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('wasm');
    await expect.poll(() => page.getByTestId('backend-info').textContent()).toMatch(/software renderer|WASM/i);

    await page.getByTestId('camera-toggle').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 120_000 }).toBe('on');

    // The live loop is stepped through recorded frames, so the outcome depends on the clip, not the machine's speed.
    const stepped = await page.evaluate(
      (f) => (window as unknown as { trackscope: { stepLive(f: string[]): Promise<number> } }).trackscope.stepLive(f),
      clipFramesBase64(CLIP, STEPS),
    );
    expect(stepped).toBe(STEPS);
    // The tracker's clock runs at the camera's reported rate (the clip's 10 fps, not an assumed 30),
    // so its time settings (nInit, maxAge in seconds) mean seconds.
    expect(await page.evaluate(() => (window as unknown as { trackscope: Trackscope }).trackscope.liveStats.trackerFrameRate)).toBe(10);

    // Confirmed tracks appear in the track list with ids.
    expect(await page.getByTestId('track-list').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('track-list').textContent()).toMatch(/#\d+\s*person/);

    // Identity: some person keeps one id over at least 20 consecutive detected frames
    // (read through the opt-in results API, not from pixels).
    const best = await page.evaluate(() => {
      const frames = (window as unknown as { trackscope: { liveFrames: Array<{ tracks: Array<{ id: number }> }> } }).trackscope.liveFrames;
      const run = new Map<number, number>();
      let longest = 0;
      for (const f of frames) {
        const ids = new Set(f.tracks.map((t) => t.id));
        for (const id of [...run.keys()]) if (!ids.has(id)) run.delete(id);
        for (const id of ids) run.set(id, (run.get(id) ?? 0) + 1);
        longest = Math.max(longest, ...run.values());
      }
      return { longest, frames: frames.length };
    });
    expect(best.frames).toBe(STEPS);
    expect(best.longest).toBeGreaterThanOrEqual(20);

    // Boxes are really drawn: the overlay canvas has opaque pixels.
    const painted = await page.getByTestId('overlay').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return { n, w: c.width, h: c.height };
    });
    expect(painted.w).toBe(768);
    expect(painted.h).toBe(576);
    expect(painted.n).toBeGreaterThan(1000);

    await expect.poll(async () => Number(await page.getByTestId('frames-processed').textContent())).toBe(STEPS);
    // Masks are drawn: segmentation ran (HUD counter) and track-coloured mask pixels
    // (semi-transparent, unlike boxes and labels) are on the overlay.
    await expect.poll(async () => (await page.getByTestId('masks').textContent()) ?? '').toMatch(/every 3 det\. \([1-9]\d*\)/);
    const translucent = await page.getByTestId('overlay').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 60 && data[i] < 200) n++;
      return n;
    });
    expect(translucent).toBeGreaterThan(200);
    await page.screenshot({ path: artifactPath('live-camera.png') });

    const foreign = requests.filter((u) => !isLocal(u, app.server.origin));
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 600_000);

  /**
   * The k = 4 flow-on run (URL `cadence=4&inputSize=512`, FLOW_STEPS frames), stepped once and read by the
   * identity test and the flow test: a page load and a model warm-up fewer. The identity test reads only its
   * first IDENTITY_STEPS frames, whose results the later frames cannot change (the loop is causal).
   */
  let flowOnRun: ReturnType<typeof runStepped> | undefined;
  const flowOn = () => (flowOnRun ??= runStepped(app, `cadence=4&inputSize=512`, clipFramesBase64(CLIP, FLOW_STEPS)));

  it('keeps one id on a walker across 30+ camera frames when the detector runs on every 4th frame (cadence forced to 4)', async () => {
    const run = await flowOn();
    expect(run.drawn.map((f) => f.index)).toEqual(Array.from({ length: FLOW_STEPS }, (_, i) => i));

    // Results (detected frames only) arrive on camera frames 0, 4, 8, ...
    const detected = run.detected.filter((f) => f.index < IDENTITY_STEPS);
    expect(detected.map((f) => f.index)).toEqual(Array.from({ length: IDENTITY_STEPS / 4 }, (_, i) => 4 * i));
    // Longest span of camera frames over which one id is on every detected frame.
    let longest = 0;
    const since = new Map<number, number>();
    for (const f of detected) {
      const ids = new Set(f.tracks.map((t) => t.id));
      for (const id of [...since.keys()]) if (!ids.has(id)) since.delete(id);
      for (const id of ids) if (!since.has(id)) since.set(id, f.index);
      for (const start of since.values()) longest = Math.max(longest, f.index - start);
    }
    console.log(
      `k = 4: longest single-id span ${longest} camera frames; ids seen ${[...new Set(detected.flatMap((f) => f.tracks.map((t) => t.id)))].join(', ')}`,
    );
    expect(longest).toBeGreaterThanOrEqual(30);
    // The HUD plans at least the forced cadence (4 camera frames per detection) at the fixed input size, and says so.
    expect(run.stats.plannedCadence).toBeGreaterThanOrEqual(4);
    expect(run.inputSize).toBe(`512² (fixed, plans k ${run.stats.plannedCadence})`);
  });

  it('moves carried boxes by the measured pixel motion at k = 4 (flow on), and draws the Kalman carry with flow=off', async () => {
    const frames = clipFramesBase64(CLIP, FLOW_STEPS);
    const on = await flowOn();
    const off = await runStepped(app, `cadence=4&inputSize=512&flow=off`, frames);
    expect(on.drawn.map((f) => f.index)).toEqual(frames.map((_, i) => i));
    expect(off.drawn.map((f) => f.index)).toEqual(frames.map((_, i) => i));

    // Drawing only: the tracker (and so the Kalman carry) is the same with and without flow.
    expect(off.detected).toEqual(on.detected);
    expect(off.drawn.map((f) => f.tracks.map((t) => t.kalman))).toEqual(on.drawn.map((f) => f.tracks.map((t) => t.kalman)));
    // flow=off draws exactly the Kalman carry; so does flow on, on detected frames.
    for (const f of off.drawn) for (const t of f.tracks) expect(t.box).toEqual(t.kalman);
    for (const f of on.drawn.filter((d) => d.fresh)) for (const t of f.tracks) expect(t.box).toEqual(t.kalman);

    // Flow on: on the last carried frame before each detection (4j + 3), a track's drawn box lies closer
    // to its box on the next detected frame than its Kalman carry does, on most tracks.
    const centre = (b: readonly number[]) => [b[0] + b[2] / 2, b[1] + b[3] / 2];
    const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(centre(a)[0] - centre(b)[0], centre(a)[1] - centre(b)[1]);
    let moved = 0;
    let carried = 0;
    let closer = 0;
    let compared = 0;
    let flowError = 0;
    let kalmanError = 0;
    for (const f of on.drawn.filter((d) => !d.fresh)) {
      carried += f.tracks.length;
      moved += f.tracks.filter((t) => dist(t.box, t.kalman) > 0.5).length;
      const next = on.detected.find((d) => d.index === f.index + 1);
      for (const t of next ? f.tracks : []) {
        const target = next!.tracks.find((n) => n.id === t.id)?.box;
        if (!target) continue;
        compared++;
        if (dist(t.box, target) < dist(t.kalman, target)) closer++;
        flowError += dist(t.box, target);
        kalmanError += dist(t.kalman, target);
      }
    }
    const motion = on.stats.stages.motion;
    console.log(
      `flow at k = 4: ${moved}/${carried} carried boxes moved off the Kalman carry; closer to the next detection on ` +
        `${closer}/${compared} (mean centre distance ${(flowError / compared).toFixed(1)} px vs Kalman ${(kalmanError / compared).toFixed(1)} px); ` +
        `page motion step ${motion.median.toFixed(2)} ms median, ${motion.p95.toFixed(2)} ms p95 per frame`,
    );
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(moved / carried).toBeGreaterThan(0.5);
    expect(closer / compared).toBeGreaterThan(0.5);
    expect(flowError).toBeLessThan(kalmanError);
    // The HUD's per-stage latency has the motion step with flow on, and none with it off; the wait for the
    // browser's VideoFrame.copyTo is a stage of its own, not counted in the step's own work.
    expect(motion.median).toBeGreaterThan(0);
    expect(off.stats.stages.motion.median).toBeNaN();
    expect(on.stats.stages['copy-wait'].median).toBeGreaterThanOrEqual(0);
    expect(off.stats.stages['copy-wait'].median).toBeNaN();
    // The motion step reads the frames with VideoFrame.copyTo (no canvas readback) where the browser has it.
    expect(on.stats.motionCapture).toBe('video-frame');
    expect(off.stats.motionCapture).toBeNull();
    // Tensors stay flat: the motion step uses none, the worker's count holds from the middle of the run to its end.
    for (const run of [on, off]) expect(run.tensors.end).toBe(run.tensors.middle);
  });
});
