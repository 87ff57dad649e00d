/**
 * The live view's motion step in a Chromium page, as bench:flow times it:
 * `LiveMotion` (src/app) captures each 640x480 frame (`VideoFrame.copyTo`
 * or the canvas readback) and carries 10 tracks through it with median
 * flow, exactly as the live loop does between detections. Capture and flow
 * are timed apart, per frame, in the steady state: the first
 * `MOTION_RING_FRAMES` frames (JIT warm-up, the ring's first fill) are
 * stepped untimed. The clip plays forward, then backward, and so on, so the
 * motion stays continuous for as many frames as asked.
 */
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { LUMA_WEIGHTS } from '../../src/core/motion/index.ts';
import { LiveMotion, MOTION_RING_FRAMES, type MotionCaptureMode } from '../../src/app/pipeline/liveMotion.ts';
import type { FlowFrames } from './flowWorkload.ts';
import { confirmedTrack } from '../../dev/confirmedTrack.ts';

/** What the camera hands over: an I420 `VideoFrame` (a webcam's format) or an RGBA `ImageBitmap` (the stepped live test's frames). */
export type LiveFrameSource = 'i420' | 'bitmap';

export interface LiveMotionTimings {
  /** ms per frame, one sample per frame after the first. */
  capture: number[];
  flow: number[];
  /** Where LiveMotion read the pixels (`video-frame` or `canvas`). */
  path: string | null;
  /** Boxes measured reliably, over all frames, of `boxes.length` per frame. */
  reliable: number;
}

/** BT.601 studio-swing chroma of a 2x2 block's mean RGB (Y is full-swing luma: only it feeds the motion step). */
const chroma = (r: number, g: number, b: number): [number, number] => [
  128 + (-0.1687 * r - 0.3313 * g + 0.5 * b) * (224 / 255),
  128 + (0.5 * r - 0.4187 * g - 0.0813 * b) * (224 / 255),
];

/** Packs an RGB frame as I420 (Y plane, then U and V at half resolution). */
function i420(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const [wr, wg, wb] = LUMA_WEIGHTS;
  const cw = width >> 1;
  const ch = height >> 1;
  const out = new Uint8Array(width * height + 2 * cw * ch);
  for (let i = 0; i < width * height; i++) out[i] = Math.round(wr * rgb[3 * i] + wg * rgb[3 * i + 1] + wb * rgb[3 * i + 2]);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const mean = [0, 1, 2].map((c) => {
        const p = (2 * y * width + 2 * x) * 3 + c;
        return (rgb[p] + rgb[p + 3] + rgb[p + 3 * width] + rgb[p + 3 * width + 3]) / 4;
      });
      const [u, v] = chroma(mean[0], mean[1], mean[2]);
      out[width * height + y * cw + x] = Math.round(u);
      out[width * height + cw * ch + y * cw + x] = Math.round(v);
    }
  }
  return out;
}

async function makeSource(rgb: Uint8Array, width: number, height: number, source: LiveFrameSource, index: number) {
  if (source === 'i420') {
    return new VideoFrame(i420(rgb, width, height), { format: 'I420', codedWidth: width, codedHeight: height, timestamp: index });
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], 255], 4 * i);
  return createImageBitmap(new ImageData(rgba, width, height));
}

/** Clip frame shown at step `s` when the clip of `n` frames plays forward, backward, forward... */
export function pingPong(s: number, n: number): number {
  if (n < 2) return 0;
  const p = s % (2 * (n - 1));
  return p < n ? p : 2 * (n - 1) - p;
}

/**
 * Steps `LiveMotion` over `steps` frames after `MOTION_RING_FRAMES` untimed
 * ones: step 0 is the detection the boxes come from, every later step is
 * carried (capture, then the median-flow measurement of every box from the
 * previous frame).
 */
export async function runLiveMotionWorkload(
  input: FlowFrames,
  boxes: readonly Tlwh[],
  source: LiveFrameSource,
  mode: MotionCaptureMode,
  steps: number,
): Promise<LiveMotionTimings> {
  const { width, height } = input;
  const frames = await Promise.all(input.frames.map((rgb, i) => makeSource(rgb, width, height, source, i)));
  const motion = new LiveMotion(mode);
  const tracks = boxes.map((b, id) => confirmedTrack(id, b));
  const result = {};
  const out: LiveMotionTimings = { capture: [], flow: [], path: null, reliable: 0 };
  try {
    for (let i = 0; i < MOTION_RING_FRAMES + steps; i++) {
      const t0 = performance.now();
      await motion.capture(i, frames[pingPong(i, frames.length)], width, height);
      const t1 = performance.now();
      const drawn = motion.carry(result, 0, tracks, i, () => tracks);
      const t2 = performance.now();
      if (i < MOTION_RING_FRAMES) continue;
      out.capture.push(t1 - t0);
      out.flow.push(t2 - t1);
      out.reliable += drawn.filter((t, k) => t.box !== tracks[k].box).length;
    }
    out.path = motion.capturePath;
  } finally {
    for (const f of frames) f.close();
  }
  return out;
}
