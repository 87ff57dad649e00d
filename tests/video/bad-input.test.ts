// Each kind of bad upload gives its own named error with a message for the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clips, VTEST } from '../../dev/video/clips';
import { startVideoHarness, type VideoHarness } from '../../dev/video/harness';

describe('bad video input (headless Chromium)', () => {
  let h: VideoHarness;

  beforeAll(async () => {
    h = await startVideoHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('zero-byte file → EmptyFileError', async () => {
    const { error } = await h.run(clips.empty());
    expect(error).toMatchObject({ name: 'EmptyFileError', fields: { fileName: 'empty.mp4' } });
    expect(error!.message).toMatch(/is empty \(0 bytes\)/);
  });

  it.each([
    ['an image', 'png', 'image/png'],
    ['a text file named .mp4', 'text', 'video/mp4'],
  ] as const)('%s → NotAVideoError', async (_label, clip, mimeType) => {
    const { error } = await h.run(clips[clip]());
    expect(error).toMatchObject({ name: 'NotAVideoError', fields: { mimeType } });
    expect(error!.message).toMatch(/is not a video file this app can read/);
  });

  it('oversized upload → TooLargeError stating the size limit, before reading the file', async () => {
    const { error } = await h.probe(VTEST, 'indexed', { maxBytes: 512 * 1024 });
    expect(error).toMatchObject({ name: 'TooLargeError', fields: { what: 'size', value: 1044281, limit: 524288 } });
    expect(error!.message).toBe(
      '"vtest-150.mp4" is too large: 1.0 MiB, and the limit is 0.5 MiB. Trim or split the video, then upload the parts.',
    );
  });

  it('overlong video → TooLargeError stating the duration limit', async () => {
    const { error } = await h.probe(VTEST, 'indexed', { maxDurationSeconds: 10 });
    expect(error).toMatchObject({ name: 'TooLargeError', fields: { what: 'duration', value: 15, limit: 10 } });
    expect(error!.message).toMatch(/is too long: 0 min 15 s, and the limit is 0 min 10 s/);
  });

  it('audio-only MP4 → AudioOnlyError', async () => {
    const { error } = await h.run(clips.audioOnly());
    expect(error).toMatchObject({ name: 'AudioOnlyError', fields: { container: 'MP4', audioTracks: 1 } });
    expect(error!.message).toMatch(/contains only audio/);
  });

  it('HEVC (no software decoder in Chromium) → UnsupportedCodecError naming the codec, before decoding', async () => {
    const r = await h.run(clips.hevc());
    expect(r.error).toMatchObject({
      name: 'UnsupportedCodecError',
      fields: { codec: expect.stringMatching(/^(hev1|hvc1)\./), width: 768, height: 576 },
    });
    expect(r.stats).toBeNull();
  });

  it('MPEG-4 Part 2 (unknown to the demuxer) → UnsupportedCodecError with codec "unknown"', async () => {
    const { error } = await h.run(clips.mpeg4Part2());
    expect(error).toMatchObject({ name: 'UnsupportedCodecError', fields: { codec: 'unknown' } });
  });

  it('MP4 cut short (index first) → frames up to the cut, then CorruptVideoError with the count', async () => {
    const r = await h.run(clips.truncatedMp4());
    expect(r.frames).toBeGreaterThan(50);
    expect(r.frames).toBeLessThan(150);
    expect(r.error).toMatchObject({ name: 'CorruptVideoError', fields: { stage: 'decode', framesDecoded: r.frames, expectedFrames: 150 } });
    expect(r.error!.message).toContain(`stopped after ${r.frames} of 150 frames`);
  });

  it('MP4 cut before its index (moov at the end) → CorruptVideoError at open, not "not a video"', async () => {
    const { error } = await h.run(clips.truncatedNoIndex());
    expect(error).toMatchObject({ name: 'CorruptVideoError', fields: { stage: 'open', framesDecoded: 0 } });
    expect(error!.message).toMatch(/cannot be opened.*MP4/);
  });

  it('WebM cut short → truncation in metadata, frames up to the cut, then CorruptVideoError', async () => {
    const r = await h.run(clips.truncatedWebm());
    expect(r.metadata!.truncation).toMatchObject({ declaredDurationUs: 15_000_000 });
    expect(r.frames).toBeGreaterThan(20);
    expect(r.error).toMatchObject({ name: 'CorruptVideoError', fields: { stage: 'decode', framesDecoded: r.frames } });
    expect(r.error!.message).toMatch(new RegExp(`stopped after ${r.frames} frames .*declares 15\\.0 s`));
  });

  it.each([
    ['MP4/H.264', 'corruptMp4'],
    ['WebM/VP9', 'corruptVp9'],
  ] as const)('%s with scrambled media data → CorruptVideoError after the good frames', async (_label, clip) => {
    const r = await h.run(clips[clip]());
    expect(r.error).toMatchObject({ name: 'CorruptVideoError', fields: { stage: 'decode', framesDecoded: r.frames } });
    expect(r.frames).toBeGreaterThan(10);
    expect(r.error!.message).toContain(`stopped after ${r.frames}`);
  });
});
