// Streaming behaviour: a 5,000-frame clip with a flat JS heap, bounded
// read-ahead while the consumer pauses, cancel via AbortSignal, early break.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clips, ffprobeFrameCount } from '../../dev/video/clips';
import { startVideoHarness, type VideoHarness } from '../../dev/video/harness';

const MiB = 1024 * 1024;
/** Heap growth allowed over the run, after GC: 5,000 leaked 160x120 frames or queued packets would be far more. */
const HEAP_GROWTH_LIMIT = 2 * MiB;

describe('video streaming (headless Chromium)', () => {
  let h: VideoHarness;

  beforeAll(async () => {
    h = await startVideoHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('streams a 5,000-frame clip with a flat JS heap (CDP heap usage after GC, every 1,000 frames)', async () => {
    const path = clips.long5000();
    const expected = ffprobeFrameCount(path);
    expect(expected).toBeGreaterThanOrEqual(5000);
    const r = await h.run(path, { heapEvery: 1000 });
    expect(r.error).toBeNull();
    expect(r.frames).toBe(expected);
    expect(r.ordered).toBe(true);
    const samples = h.heap.map((s) => s.usedBytes);
    expect(h.heap.map((s) => s.frames)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    console.info(
      `heap MiB at 0..5000 frames: ${samples.map((b) => (b / MiB).toFixed(2)).join(', ')}; ${(r.frames / (r.decodeMs / 1000)).toFixed(0)} fps`,
    );
    expect(Math.max(...samples) - samples[0]).toBeLessThan(HEAP_GROWTH_LIMIT);
    expect(samples.at(-1)! - samples[1]).toBeLessThan(HEAP_GROWTH_LIMIT / 2);
    expect(r.stats).toMatchObject({ packetsSent: expected, framesYielded: expected });
  });

  it('does not read or decode ahead while the consumer pauses (pause = not pulling)', async () => {
    const r = await h.run(clips.mp4H264(), { pauseAt: 10, pauseMs: 500, maxAhead: 4 });
    expect(r.error).toBeNull();
    expect(r.frames).toBe(150);
    const { before, after } = r.pause!;
    expect(after.packetsSent).toBe(before.packetsSent);
    // queued packets (<= maxAhead) plus the H.264 reorder/threading delay of the decoder
    expect(after.packetsSent - after.framesYielded).toBeLessThanOrEqual(4 + 16);
    expect((r.stats as { maxAhead: number }).maxAhead).toBeLessThanOrEqual(4 + 16);
  });

  it('cancels with AbortSignal: the stream ends with the abort reason and the page can decode again', async () => {
    const r = await h.run(clips.mp4H264(), { abortAt: 20 });
    expect(r.frames).toBe(20);
    expect(r.error).toMatchObject({ name: 'AbortError' });
    expect((r.stats as { packetsSent: number }).packetsSent).toBeLessThan(60);
    const again = await h.run(clips.webmVp8());
    expect(again.frames).toBe(150);
  });

  it('stops cleanly on break, and a bad maxAhead is rejected with the option named', async () => {
    const r = await h.run(clips.webmVp9(), { stopAt: 5 });
    expect(r.error).toBeNull();
    expect(r.frames).toBe(5);
    const bad = await h.run(clips.webmVp9(), { maxAhead: 0 });
    expect(bad.error).toMatchObject({ name: 'FramesOptionError' });
    expect(bad.error!.message).toMatch(/maxAhead is 0; expected an integer from 1 to 64/);
  });
});
