import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../dev/appServer';
import { artifactPath, clipFramesBase64, isLocal, launchChromium, recordRequests, y4mFromClip } from '../../dev/browser';

const CLIP = resolve(import.meta.dirname, '../fixtures/media/vtest-150.mp4');
const CLIP_FRAMES = clipFramesBase64(CLIP, 60);
type Frames = Array<{ index: number; tracks: Array<{ id: number; label?: string; customLabel?: string }> }>;
const frames = (page: Page) => page.evaluate(() => (window as unknown as { trackscope: { liveFrames: Frames } }).trackscope.liveFrames);

/** Two track ids present on at least 4 of the last 5 recorded frames, including the latest. */
async function twoSteadyTracks(page: Page): Promise<[number, number] | null> {
  const recent = (await frames(page)).slice(-5);
  if (recent.length < 5) return null;
  const seen = new Map<number, number>();
  for (const f of recent) for (const t of f.tracks) seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
  const last = new Set(recent.at(-1)!.tracks.map((t) => t.id));
  const ids = [...seen]
    .filter(([id, n]) => n >= 4 && last.has(id))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([id]) => id);
  return ids.length >= 2 ? [ids[0], ids[1]] : null;
}

const count = async (page: Page, i: number) => Number(((await page.getByTestId(`cc-count-${i}`).textContent()) ?? '0').split(' ')[0]);

/**
 * The live loop is stepped through recorded frames (`?liveStep=1`), so what
 * the tracker sees depends on the clip alone, not on the machine's speed.
 */
class Stepper {
  next = 0;
  constructor(
    readonly page: Page,
    readonly clipFrames: readonly string[],
  ) {}
  async step(n: number): Promise<void> {
    const batch = this.clipFrames.slice(this.next, this.next + n);
    expect(batch.length).toBe(n);
    this.next += n;
    expect(
      await this.page.evaluate(
        (f) => (window as unknown as { trackscope: { stepLive(f: string[]): Promise<number> } }).trackscope.stepLive(f),
        batch,
      ),
    ).toBe(n);
  }
}

/**
 * Picks track `id` and captures until class `i` has `n` samples. A capture
 * takes the track's detection on the last processed frame; when the track
 * has none there (carried by the motion model) the app says so, and the next
 * frame is stepped. False when the track is gone.
 */
async function capture(stepper: Stepper, id: number, i: number, n: number): Promise<boolean> {
  const { page } = stepper;
  for (let attempt = 0; attempt < 6 && (await count(page, i)) < n; attempt++) {
    const options = await page.getByTestId('cc-track').locator('option').allTextContents();
    if (!options.includes(`#${id} person`)) return false;
    await page.getByTestId('cc-track').selectOption({ label: `#${id} person` });
    const before = await count(page, i);
    await page.getByTestId(`cc-capture-${i}`).click();
    // Wait for the worker's answer: a new sample, or the reason there is none.
    await expect
      .poll(async () => (await count(page, i)) > before || (await page.getByTestId('cc-error').count()) > 0, { timeout: 120_000 })
      .toBe(true);
    await stepper.step(1);
  }
  return (await count(page, i)) >= n;
}

/** Names classes 0 and 1 afresh (removing their samples), e.g. after a track was lost mid-capture. */
async function nameClasses(page: Page, names: readonly string[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    await page.getByTestId(`cc-name-${i}`).fill(name);
    if ((await count(page, i)) > 0) await page.getByRole('button', { name: `Remove class ${name}` }).click();
  }
  while ((await page.getByTestId('cc-name-1').count()) === 0) await page.getByRole('button', { name: 'Add class' }).click();
  for (const [i, name] of names.entries()) await page.getByTestId(`cc-name-${i}`).fill(name);
}

describe('custom classifier in the live view (headless Chromium, vtest as the webcam)', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium({ fakeCameraFile: y4mFromClip(CLIP) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('captures two people as two classes, trains in the worker, and labels live tracks', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const requests = recordRequests(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/?testHooks=1&liveStep=1&cadence=1&inputSize=512`);
    await expect.poll(() => page.getByTestId('backend-name').textContent(), { timeout: 120_000 }).toBe('wasm');
    await page.getByTestId('camera-toggle').click();
    await expect.poll(() => page.getByTestId('camera-status').textContent(), { timeout: 120_000 }).toBe('on');
    await expect
      .poll(() => page.evaluate(() => typeof (window as unknown as { trackscope: { stepLive?: unknown } }).trackscope.stepLive))
      .toBe('function');
    const stepper = new Stepper(page, CLIP_FRAMES);

    // Training without samples explains what is needed.
    await page.getByTestId('cc-train').click();
    await expect.poll(() => page.getByTestId('cc-error').textContent()).toMatch(/Capture at least 2 samples for each of 2 classes/);

    // Two people (two steady track ids) as two classes, picked after 20 recorded frames.
    await stepper.step(20);
    const pair = await twoSteadyTracks(page);
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    await nameClasses(page, ['alice', 'bob']);
    expect(await capture(stepper, a, 0, 2)).toBe(true);
    expect(await capture(stepper, b, 1, 2)).toBe(true);
    expect([await count(page, 0), await count(page, 1)]).toEqual([2, 2]);

    const t0 = Date.now();
    await page.getByTestId('cc-train').click();
    await expect.poll(() => page.getByTestId('cc-message').textContent(), { timeout: 120_000 }).toMatch(/Trained in [\d.]+ s, loss [\d.]+/);
    console.log(`tracks #${a} and #${b}; ${await page.getByTestId('cc-message').textContent()} (round trip ${Date.now() - t0} ms)`);
    expect(await page.getByTestId('cc-loss').textContent()).toMatch(/epoch 40\/40/);

    // Keyboard: focus the toggle and press Space.
    const startFrame = (await frames(page)).at(-1)!.index;
    await page.getByTestId('cc-enable').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('cc-enable').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('cc-message').textContent()).toMatch(/Custom labels on for “person” tracks/);

    // Custom labels reach the tracks (results API) and the track list.
    await stepper.step(12);
    const after = (await frames(page)).filter((f) => f.index > startFrame).flatMap((f) => f.tracks);
    const labelsOf = (id: number) => after.filter((t) => t.id === id && t.customLabel).map((t) => t.customLabel);
    console.log(`#${a}: ${labelsOf(a).join(',')}; #${b}: ${labelsOf(b).join(',')}`);
    for (const [id, name] of [
      [a, 'alice'],
      [b, 'bob'],
    ] as const) {
      const labels = labelsOf(id);
      if (labels.length > 0) expect(labels.filter((l) => l === name).length / labels.length).toBeGreaterThanOrEqual(0.8);
    }
    expect(labelsOf(a).length + labelsOf(b).length).toBeGreaterThan(0);
    expect(after.filter((t) => t.customLabel).length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('track-list').textContent(), { timeout: 120_000 }).toMatch(/#\d+\s*(alice|bob)\s*\d+%/);
    await page.screenshot({ path: artifactPath('classifier.png'), fullPage: true });

    // Save to IndexedDB (in the worker), load it back, delete it.
    await page.getByTestId('cc-save-name').fill('two-walkers');
    await page.getByTestId('cc-save').click();
    await expect.poll(() => page.getByTestId('cc-message').textContent()).toBe('Saved “two-walkers”');
    const saved = page.getByRole('list', { name: 'Saved classifiers' }).locator('li', { hasText: 'two-walkers' });
    await saved.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => page.getByTestId('cc-message').textContent()).toBe('Loaded “two-walkers”: alice, bob');
    await saved.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('cc-message').textContent()).toBe('Deleted “two-walkers”');
    expect(await page.getByRole('list', { name: 'Saved classifiers' }).count()).toBe(0);

    expect(requests.filter((u) => !isLocal(u, server.origin))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
