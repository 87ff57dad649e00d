import type { Size } from './downscale';
import { yuv420ToRgb, type YuvMatrix } from './yuvToRgb';

/** A frame as tightly packed RGB bytes (height × width × 3), the CLI's frame layout. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const RGBX = new Set<VideoPixelFormat>(['RGBA', 'RGBX', 'BGRA', 'BGRX']);

/**
 * Reads a decoded VideoFrame as RGB bytes without touching a canvas when it
 * can: 4:2:0 frames (what software decoders produce) go through
 * `yuv420ToRgb`, which matches ffmpeg's conversion bit for bit, so the app
 * and the CLI detect on the same pixels. Frames at another `size` (large
 * videos downscaled for inference) and unusual formats are drawn through an
 * OffscreenCanvas instead (the browser's own conversion and bilinear scale).
 * Does not close `frame`.
 */
export async function videoFrameToRgb(frame: VideoFrame, size?: Size): Promise<RgbFrame> {
  const width = frame.displayWidth;
  const height = frame.displayHeight;
  const scaled = size && (size.width !== width || size.height !== height);
  const format = frame.format;
  const sameGeometry = frame.codedRect !== null && frame.visibleRect?.width === width && frame.visibleRect?.height === height;
  if (!scaled && sameGeometry && (format === 'I420' || format === 'NV12')) {
    const buffer = new Uint8Array(frame.allocationSize());
    const planes = await frame.copyTo(buffer);
    const [yp, up, vp] = planes;
    const layout = {
      yOffset: yp.offset,
      yStride: yp.stride,
      uOffset: up.offset,
      uStride: up.stride,
      vOffset: vp?.offset ?? 0,
      vStride: vp?.stride ?? 0,
      interleaved: format === 'NV12',
    };
    return { width, height, data: yuv420ToRgb(buffer, layout, width, height, matrixOf(frame)) };
  }
  if (!scaled && sameGeometry && format !== null && RGBX.has(format)) {
    const buffer = new Uint8Array(frame.allocationSize());
    const [plane] = await frame.copyTo(buffer);
    return { width, height, data: packRgb(buffer, plane.offset, plane.stride, width, height, format.startsWith('B')) };
  }
  return drawToRgb(frame, size ?? { width, height });
}

function matrixOf(frame: VideoFrame): YuvMatrix {
  return frame.colorSpace?.matrix === 'bt709' ? 'bt709' : 'bt601';
}

function packRgb(src: Uint8Array, offset: number, stride: number, width: number, height: number, bgr: boolean): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  const r = bgr ? 2 : 0;
  const b = bgr ? 0 : 2;
  let o = 0;
  for (let row = 0; row < height; row++) {
    for (let i = offset + row * stride, end = i + width * 4; i < end; i += 4) {
      out[o++] = src[i + r];
      out[o++] = src[i + 1];
      out[o++] = src[i + b];
    }
  }
  return out;
}

let scratch: OffscreenCanvas | null = null;

function drawToRgb(frame: VideoFrame, size: Size): RgbFrame {
  scratch ??= new OffscreenCanvas(size.width, size.height);
  if (scratch.width !== size.width || scratch.height !== size.height) {
    scratch.width = size.width;
    scratch.height = size.height;
  }
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('OffscreenCanvas 2D context unavailable');
  ctx.drawImage(frame, 0, 0, size.width, size.height);
  const rgba = ctx.getImageData(0, 0, size.width, size.height).data;
  return {
    width: size.width,
    height: size.height,
    data: packRgb(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength), 0, size.width * 4, size.width, size.height, false),
  };
}
