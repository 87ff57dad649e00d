// Frame-accurate decoding in headless Chromium: every frame once, in order,
// with the count ffprobe -count_frames reports; metadata for rotation, VFR and
// very large frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clips, ffprobeFrameCount } from '../../dev/video/clips';
import { startVideoHarness, type VideoHarness } from '../../dev/video/harness';
import { correlation, ffmpegLumaGrid } from './lib/luma';

describe('video decoding (headless Chromium, WebCodecs + mediabunny)', () => {
  let h: VideoHarness;

  beforeAll(async () => {
    h = await startVideoHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['MP4/H.264 (B-frames)', 'mp4H264', 'MP4', 'avc', 768, 576],
    ['WebM/VP8', 'webmVp8', 'WebM', 'vp8', 384, 288],
    ['WebM/VP9', 'webmVp9', 'WebM', 'vp9', 384, 288],
  ] as const)(
    '%s: frames processed equal ffprobe -count_frames, in presentation order',
    async (_label, clip, container, codec, width, height) => {
      const path = clips[clip]();
      const expected = ffprobeFrameCount(path);
      expect(expected).toBe(150);
      const r = await h.run(path, { countFrames: 'scan' });
      expect(r.error).toBeNull();
      expect(r.frames).toBe(expected);
      expect(r.ordered).toBe(true);
      expect(r.firstTimestampUs).toBe(0);
      expect(r.lastTimestampUs).toBe(14_900_000);
      expect(r.firstFrameSize).toEqual({ width, height });
      const m = r.metadata!;
      expect(m).toMatchObject({
        container,
        codec,
        width,
        height,
        rotation: 0,
        frameCount: expected,
        durationUs: 15_000_000,
        needsDownscale: false,
        truncation: null,
      });
      expect(m.frameRate).toMatchObject({ fps: 10, isVariable: false });
    },
  );

  it('knows the MP4 frame count from its index without scanning; WebM only when asked to scan', async () => {
    expect((await h.probe(clips.mp4H264())).metadata?.frameCount).toBe(150);
    expect((await h.probe(clips.webmVp9())).metadata?.frameCount).toBeNull();
    expect((await h.probe(clips.webmVp9(), 'scan')).metadata?.frameCount).toBe(150);
  });

  it('reports a rotation flag and yields upright frames that match what ffmpeg shows', async () => {
    const path = clips.rotated90();
    const grid = { width: 12, height: 16 };
    const r = await h.run(path, { grid });
    expect(r.error).toBeNull();
    expect(r.frames).toBe(150);
    // ffmpeg writes the legacy rotate=90 tag as a 90° counter-clockwise display matrix, i.e. 270° clockwise.
    expect(r.metadata).toMatchObject({ rotation: 270, codedWidth: 768, codedHeight: 576, width: 576, height: 768 });
    expect(r.firstFrameSize).toEqual({ width: 576, height: 768 });
    expect(r.ordered).toBe(true);
    expect(r.lastTimestampUs).toBe(14_900_000);
    const asFfmpegShows = correlation(r.firstFrameLuma, ffmpegLumaGrid(path, grid.width, grid.height));
    const turnedTheOtherWay = correlation(r.firstFrameLuma, ffmpegLumaGrid(clips.mp4H264(), grid.width, grid.height, 'transpose=clock'));
    expect(asFfmpegShows).toBeGreaterThan(0.95);
    expect(turnedTheOtherWay).toBeLessThan(0.6);
  });

  it('detects a variable frame rate and passes the true timestamps through', async () => {
    const path = clips.vfr();
    const r = await h.run(path);
    expect(r.error).toBeNull();
    expect(r.frames).toBe(ffprobeFrameCount(path));
    expect(r.ordered).toBe(true);
    expect(r.metadata!.frameRate.isVariable).toBe(true);
    expect(r.metadata!.frameRate.minFps).toBeLessThan(r.metadata!.frameRate.maxFps);
    expect(r.stats).toMatchObject({ minIntervalUs: 100_000, maxIntervalUs: 300_000 });
  });

  it('accepts a 4096x2304 clip but flags it for downscaling', async () => {
    const r = await h.run(clips.huge());
    expect(r.error).toBeNull();
    expect(r.frames).toBe(3);
    expect(r.metadata).toMatchObject({ width: 4096, height: 2304, needsDownscale: true });
  });
});
