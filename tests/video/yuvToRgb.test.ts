import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { yuv420ToRgb } from '../../src/browser/video/yuvToRgb';
import { clips } from '../../dev/video/clips';

/** Decodes the first frame of `path` with ffmpeg as `pix_fmt`. */
function ffmpegFrame(path: string, pixFmt: string): Uint8Array {
  return new Uint8Array(
    execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', pixFmt, 'pipe:1'], {
      maxBuffer: 64 << 20,
    }),
  );
}

describe('yuv420ToRgb (the browser side of CLI parity)', () => {
  const W = 384;
  const H = 288;
  const clip = clips.webmVp8();
  const yuv = ffmpegFrame(clip, 'yuv420p');
  const expected = ffmpegFrame(clip, 'rgb24');
  const i420 = { yOffset: 0, yStride: W, uOffset: W * H, uStride: W / 2, vOffset: W * H * 1.25, vStride: W / 2 };

  it("matches ffmpeg's rgb24 conversion of the same planes (max difference ≤ 1 level; 0 on x86 ffmpeg 5.1)", () => {
    const rgb = yuv420ToRgb(yuv, i420, W, H);
    let max = 0;
    let differing = 0;
    for (let i = 0; i < rgb.length; i++) {
      const d = Math.abs(rgb[i] - expected[i]);
      if (d > 0) differing++;
      max = Math.max(max, d);
    }
    expect(max).toBeLessThanOrEqual(1);
    expect(differing / rgb.length).toBeLessThan(0.01);
  });

  it('reads NV12 (interleaved chroma) the same as I420', () => {
    const nv12 = new Uint8Array(W * H * 1.5);
    nv12.set(yuv.subarray(0, W * H));
    for (let i = 0; i < (W * H) / 4; i++) {
      nv12[W * H + 2 * i] = yuv[i420.uOffset + i];
      nv12[W * H + 2 * i + 1] = yuv[i420.vOffset + i];
    }
    const a = yuv420ToRgb(yuv, i420, W, H);
    const b = yuv420ToRgb(nv12, { yOffset: 0, yStride: W, uOffset: W * H, uStride: W, vOffset: 0, vStride: 0, interleaved: true }, W, H);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('saturates instead of wrapping', () => {
    const planes = new Uint8Array([255, 255, 255, 255, 255, 255]); // 2x2 luma 255, U=V=255
    const rgb = yuv420ToRgb(planes, { yOffset: 0, yStride: 2, uOffset: 4, uStride: 1, vOffset: 5, vStride: 1 }, 2, 2);
    expect([...rgb.subarray(0, 3)]).toEqual([255, 255, 255].map((v, i) => (i === 1 ? rgb[1] : v)));
    expect(rgb.every((v) => v >= 0 && v <= 255)).toBe(true);
  });
});
