/**
 * Single-channel images for the motion module: plain typed arrays, so the
 * same code runs in the page, a worker and Node without TF.js or a canvas.
 * Intensities are 0..255 (float, so pyramid levels keep sub-level precision).
 */

/** A row-major grayscale image in source pixels. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** `width * height` intensities, 0..255. */
  readonly data: Float32Array;
}

/**
 * ITU-R BT.601 luma weights (R, G, B), the same ones OpenCV's
 * `COLOR_RGB2GRAY` uses.
 */
export const LUMA_WEIGHTS = Object.freeze([0.299, 0.587, 0.114] as const);
const [LUMA_R, LUMA_G, LUMA_B] = LUMA_WEIGHTS;

/**
 * Grayscale from interleaved RGB (3 channels) or RGBA (4) bytes, e.g. an
 * ffmpeg `rgb24` frame or `ImageData.data`. Writes into `out` when given
 * (reused across frames: filling a fresh 1 MB array costs several times
 * the conversion itself, in page faults).
 */
export function rgbToGray(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
  out?: Float32Array,
): GrayImage {
  const n = width * height;
  if (pixels.length < n * channels) {
    throw new RangeError(
      `rgbToGray: ${pixels.length} values for a ${width}x${height} image with ${channels} channels (need ${n * channels})`,
    );
  }
  const data = out && out.length === n ? out : new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    data[i] = LUMA_R * pixels[j] + LUMA_G * pixels[j + 1] + LUMA_B * pixels[j + 2];
  }
  return { width, height, data };
}

/** Where a frame's pixels sit in a buffer: one 8-bit plane (a luma plane) or interleaved 4-byte pixels. */
export interface PixelPlane {
  readonly width: number;
  readonly height: number;
  /** Bytes from one row's start to the next. */
  readonly stride: number;
  /** Byte offset of the first row. */
  readonly offset: number;
  /** `luma`: 1 byte per pixel, already gray (the Y plane of I420 or NV12). Otherwise the byte index of R, G and B in each 4-byte pixel. */
  readonly channels: 'luma' | readonly [number, number, number];
}

/**
 * Grayscale of a frame plane, box-averaged over `factor` x `factor` blocks
 * (floor(width / factor) x floor(height / factor) pixels; gray pixel (i, j)
 * covers source pixels [i·factor, (i+1)·factor)). The live view reads camera
 * frames with `VideoFrame.copyTo`, which hands over the decoder's planes
 * without a canvas: for I420 the Y plane is the gray image already.
 */
export function planeToGray(bytes: Uint8Array, plane: PixelPlane, factor: number, out?: Float32Array): GrayImage {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError(`planeToGray: factor is ${factor}; allowed: integer >= 1`);
  const { stride, offset, channels } = plane;
  const step = channels === 'luma' ? 1 : 4;
  const need = offset + (plane.height - 1) * stride + plane.width * step;
  if (plane.width < factor || plane.height < factor || bytes.length < need) {
    throw new RangeError(
      `planeToGray: ${bytes.length} bytes for a ${plane.width}x${plane.height} plane (stride ${stride}, need ${need}) at factor ${factor}`,
    );
  }
  const width = Math.floor(plane.width / factor);
  const height = Math.floor(plane.height / factor);
  const data = out && out.length === width * height ? out : new Float32Array(width * height);
  const norm = 1 / (factor * factor);
  // Integer sums per block, one multiply per output pixel: no per-pixel division or Math.floor.
  if (channels === 'luma' && factor === 2) {
    // The live view's case (a 640x480 camera at most 384 px wide): two rows at a time.
    for (let oy = 0, o = 0; oy < height; oy++) {
      let a = offset + 2 * oy * stride;
      let c = a + stride;
      for (let ox = 0; ox < width; ox++, o++, a += 2, c += 2) data[o] = (bytes[a] + bytes[a + 1] + bytes[c] + bytes[c + 1]) * 0.25;
    }
    return { width, height, data };
  }
  if (channels === 'luma') {
    for (let oy = 0, o = 0; oy < height; oy++) {
      const top = offset + oy * factor * stride;
      for (let ox = 0; ox < width; ox++, o++) {
        let sum = 0;
        for (let dy = 0, row = top + ox * factor; dy < factor; dy++, row += stride) {
          for (let p = row; p < row + factor; p++) sum += bytes[p];
        }
        data[o] = sum * norm;
      }
    }
    return { width, height, data };
  }
  const [r, g, b] = channels;
  const [wr, wg, wb] = LUMA_WEIGHTS;
  if (factor === 2) {
    const [qr, qg, qb] = [wr / 4, wg / 4, wb / 4];
    for (let oy = 0, o = 0; oy < height; oy++) {
      let a = offset + 2 * oy * stride;
      let c = a + stride;
      for (let ox = 0; ox < width; ox++, o++, a += 8, c += 8) {
        const sr = bytes[a + r] + bytes[a + 4 + r] + bytes[c + r] + bytes[c + 4 + r];
        const sg = bytes[a + g] + bytes[a + 4 + g] + bytes[c + g] + bytes[c + 4 + g];
        const sb = bytes[a + b] + bytes[a + 4 + b] + bytes[c + b] + bytes[c + 4 + b];
        data[o] = qr * sr + qg * sg + qb * sb;
      }
    }
    return { width, height, data };
  }
  for (let oy = 0, o = 0; oy < height; oy++) {
    const top = offset + oy * factor * stride;
    for (let ox = 0; ox < width; ox++, o++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      for (let dy = 0, row = top + 4 * ox * factor; dy < factor; dy++, row += stride) {
        for (let p = row; p < row + 4 * factor; p += 4) {
          sr += bytes[p + r];
          sg += bytes[p + g];
          sb += bytes[p + b];
        }
      }
      data[o] = norm * (wr * sr + wg * sg + wb * sb);
    }
  }
  return { width, height, data };
}

/**
 * Bilinear sample at (x, y); coordinates are clamped to the image, so
 * points near the border read the edge pixels instead of garbage.
 */
export function sampleBilinear(img: GrayImage, x: number, y: number): number {
  const { width: w, height: h, data } = img;
  const cx = x < 0 ? 0 : x > w - 1 ? w - 1 : x;
  const cy = y < 0 ? 0 : y > h - 1 ? h - 1 : y;
  const x0 = Math.min(w - 2, Math.floor(cx));
  const y0 = Math.min(h - 2, Math.floor(cy));
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * w + x0;
  const top = data[i] + (data[i + 1] - data[i]) * fx;
  const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
  return top + (bottom - top) * fy;
}
