import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ffmpegFrames, probeVideo } from '../../src/node/ffmpegFrames.ts';
import { media } from '../detection/helpers';

/** Frames this check reads: enough that frames straddle many 64 KiB pipe reads (1.3 MB each at 768x576). */
const FRAMES = 12;

describe('ffmpegFrames', () => {
  it("hands out ffmpeg's rgb24 bytes frame by frame, each in its own buffer", async () => {
    const clip = media('vtest-150.mp4');
    const size = probeVideo(clip);
    const frameBytes = size.width * size.height * 3;
    const whole = execFileSync(
      'ffmpeg',
      ['-v', 'error', '-i', clip, '-frames:v', String(FRAMES), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
      {
        maxBuffer: FRAMES * frameBytes + 1,
      },
    );
    const frames = [];
    for await (const f of ffmpegFrames(clip, size, [])) {
      if (f.index >= FRAMES) break;
      frames.push(f);
    }
    expect(frames.map((f) => f.index)).toEqual([...Array(FRAMES).keys()]);
    for (const f of frames) {
      expect(f.data.length).toBe(frameBytes);
      expect(Buffer.compare(Buffer.from(f.data), whole.subarray(f.index * frameBytes, (f.index + 1) * frameBytes))).toBe(0);
    }
    expect(new Set(frames.map((f) => f.data.buffer)).size).toBe(FRAMES);
  });
});
