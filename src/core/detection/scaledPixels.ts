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
  if (typeof OffscreenCanvas !== 'undefined') context = new OffscreenCanvas(1, 1).getContext('2d', options);
  else if (typeof document !== 'undefined') context = document.createElement('canvas').getContext('2d', options);
  else context = null;
  return context;
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
  ctx.drawImage(frame, 0, 0, width, height);
  return tf.browser.fromPixels(ctx.getImageData(0, 0, width, height));
}
