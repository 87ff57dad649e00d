/**
 * Browser preprocessing (src/core/detection/scaledPixels.ts): a frame drawn at
 * the model's resized size on a 2D canvas must give the detector the same
 * input, and the same boxes, as the full-size tensor path that Node takes.
 * Real frame: vtest.avi frame 60 (768×576), real CenterNet graphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipFramesBase64 } from '../../dev/browser';
import { openDevPage, type DevPage } from '../../dev/devPage';
import { iouTlwh } from '../../src/core/geometry/boxes';
import type { ProbeResult } from '../detection/pages/scaledProbe';

const VTEST = '/usr/share/doc/opencv-doc/examples/data/vtest.avi';
/**
 * Mean |Δ| between the two batches, in grey levels of 0..255: both are bilinear on one sampling
 * grid (measured 0.000 at 256², 0.157 at 512²; without the half-pixel shift 5.9 and 1.6).
 */
const MAX_MEAN_ABS_DIFF = 0.5;
/** Each tensor-path person box has a bitmap-path box overlapping at least this much. */
const MIN_BOX_IOU = 0.9;

let probe: DevPage;
let frame: string;
beforeAll(async () => {
  frame = `data:image/jpeg;base64,${clipFramesBase64(VTEST, 61)[60]}`;
  probe = await openDevPage('tests/detection/pages/scaledProbe.html', 'scaledProbe');
}, 180_000);
afterAll(() => probe?.close());

describe('browser frames drawn at the input size (scaledPixels)', () => {
  it.each([256, 512] as const)('gives CenterNet %i² the input and boxes of the tensor path, leaking nothing', async (size) => {
    const r: ProbeResult = await probe.page.evaluate(([url, s]) => window.scaledProbe(url, s, 'letterbox'), [frame, size] as const);
    expect(r.drawn).toBe(true);
    expect(r.shape).toEqual([1, size, size, 3]);
    expect(r.meanAbsDiff).toBeLessThan(MAX_MEAN_ABS_DIFF);
    expect(r.tensorPersons.length).toBeGreaterThan(2);
    const best = r.tensorPersons.map((box) => Math.max(0, ...r.bitmapPersons.map((b) => iouTlwh(b, box))));
    console.log(`${size}²: mean |Δ| ${r.meanAbsDiff.toFixed(3)}, person box IoU min ${Math.min(...best).toFixed(3)} over ${best.length}`);
    best.forEach((iou, i) =>
      expect(iou, `tensor-path box [${r.tensorPersons[i].map(Math.round)}] has no bitmap-path match`).toBeGreaterThan(MIN_BOX_IOU),
    );
    expect(r.numTensorsAfter).toBe(r.numTensorsBefore);
  });
});

declare global {
  interface Window {
    scaledProbe(url: string, size: 256 | 512, resize: 'letterbox' | 'stretch'): Promise<ProbeResult>;
  }
}
