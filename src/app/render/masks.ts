import { cropMaskToBox, type PersonMask } from '../../core/segmentation';
import type { TrackOutput } from '../../core/tracking';
import type { MaskFrame } from '../engine/protocol';
import { rgbForKey } from './colors';

/** Mask bytes from the worker as the core's PersonMask (values 0..1). */
export function personMask(m: MaskFrame): PersonMask {
  const data = new Float32Array(m.data.length);
  for (let k = 0; k < data.length; k++) data[k] = m.data[k] / 255;
  return {
    width: m.width,
    height: m.height,
    data,
    scaleX: m.width / m.sourceWidth,
    scaleY: m.height / m.sourceHeight,
    sourceWidth: m.sourceWidth,
    sourceHeight: m.sourceHeight,
  };
}

/** Works in the page and in workers (the annotated-video export draws masks too). */
let scratch: OffscreenCanvas | HTMLCanvasElement | null = null;
const makeScratch = () => (typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas'));

/**
 * Colours each tracked person's mask — the frame's person mask clipped to the
 * track's box — with the track's colour at `opacity`. Returns how many
 * tracks had mask pixels painted.
 */
export function drawTrackMasks(
  ctx: CanvasRenderingContext2D,
  mask: PersonMask,
  tracks: ReadonlyArray<Pick<TrackOutput, 'id' | 'box'>>,
  opacity: number,
  threshold = 0.5,
): number {
  let painted = 0;
  scratch ??= makeScratch();
  const sctx = scratch.getContext('2d') as CanvasRenderingContext2D;
  const alpha = Math.round(255 * Math.min(1, Math.max(0, opacity)));
  for (const t of tracks) {
    const m = cropMaskToBox(mask, t.box, threshold);
    if (m.width === 0 || m.height === 0) continue;
    const [r, g, b] = rgbForKey(t.id);
    const img = sctx.createImageData(m.width, m.height);
    for (let k = 0; k < m.data.length; k++) {
      if (m.data[k] === 0) continue;
      img.data[4 * k] = r;
      img.data[4 * k + 1] = g;
      img.data[4 * k + 2] = b;
      img.data[4 * k + 3] = alpha;
    }
    scratch.width = m.width;
    scratch.height = m.height;
    sctx.putImageData(img, 0, 0);
    ctx.drawImage(scratch, m.left, m.top);
    painted++;
  }
  return painted;
}
