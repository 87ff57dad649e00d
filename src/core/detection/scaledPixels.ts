/**
 * A browser frame drawn at the model's resized size before it becomes a tensor.
 *
 * `tf.browser.fromPixels` reads every source pixel (a canvas readback, then a
 * JavaScript loop per pixel) and the bilinear resize then runs on the whole
 * frame, so preprocessing cost followed the camera's resolution, not the
 * detector's input: about 30–37 ms at every ladder size (512² to 256²) for a
 * 768×576 frame in Chromium WASM (`bench:ladder`), which hid most of what a
 * smaller graph saves. Drawing the frame at the resized size first (the 2D
 * canvas resamples bilinearly, as `tf.image.resizeBilinear` does) makes the
 * readback and the tensor scale with the input size.
 *
 * Tensors (Node, the CLI) never come here; neither does `ImageData`, which a
 * canvas cannot draw scaled, nor a frame that would be enlarged.
 */
import * as tf from '@tensorflow/tfjs';
import type { DetectorInput, PixelSource } from './types';

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** One reusable canvas per thread (the page and each worker have their own module instance). */
let context: Context2D | null | undefined;

function scratchContext(): Context2D | null {
  if (context !== undefined) return context;
  // willReadFrequently keeps the canvas in CPU memory, so getImageData is a copy, not a GPU readback.
  const options = { willReadFrequently: true };
  let created: Context2D | null = null;
  if (typeof OffscreenCanvas !== 'undefined')
    created = new OffscreenCanvas(1, 1).getContext('2d', options) as OffscreenCanvasRenderingContext2D | null;
  else if (typeof document !== 'undefined')
    created = document.createElement('canvas').getContext('2d', options) as CanvasRenderingContext2D | null;
  context = created;
  return created;
}

function isDrawable(frame: DetectorInput): frame is Exclude<PixelSource, ImageData> {
  return !(frame instanceof tf.Tensor) && !(typeof ImageData !== 'undefined' && frame instanceof ImageData);
}

/**
 * The frame's RGB pixels resized to `width` × `height` as an int32 [h, w, 3]
 * tensor (the caller disposes it; call inside tf.tidy), or null when the frame
 * is a tensor or ImageData, would be enlarged, or no 2D canvas exists here.
 */
export function drawScaled(
  frame: DetectorInput,
  sourceWidth: number,
  sourceHeight: number,
  width: number,
  height: number,
): tf.Tensor3D | null {
  if (!isDrawable(frame) || width >= sourceWidth || height >= sourceHeight) return null;
  const ctx = scratchContext();
  if (ctx === null) return null;
  if (ctx.canvas.width !== width) ctx.canvas.width = width;
  if (ctx.canvas.height !== height) ctx.canvas.height = height;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low'; // bilinear, like tf.image.resizeBilinear (no mipmaps)
  // The canvas samples source pixel centres ((j + 0.5) / scale − 0.5); tf.image.resizeBilinear (no
  // half-pixel centres) samples j / scale, which the box decode's inverse mapping assumes. Shifting
  // the drawing by (1 − scale) / 2 px gives tf's sampling grid.
  const dx = (1 - width / sourceWidth) / 2;
  const dy = (1 - height / sourceHeight) / 2;
  ctx.clearRect(0, 0, width, height);
  ctx.drawImage(frame, dx, dy, width, height);
  return tf.browser.fromPixels(ctx.getImageData(0, 0, width, height));
}
