import type { Size } from './downscale';
import type { Rotation } from './types';

/** Size after a clockwise rotation by `rotation` degrees. */
export function uprightSize(coded: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: coded.height, height: coded.width } : { width: coded.width, height: coded.height };
}

/** Normalises any angle the demuxer reports to a Rotation (multiples of 90°, clockwise). */
export function toRotation(degrees: number): Rotation {
  const r = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return r as Rotation;
}

/**
 * Draws frames upright: rotates clockwise by `rotation`, then mirrors when
 * `flip` is set, into one reused OffscreenCanvas, and returns a new
 * VideoFrame with the original timestamp. The input frame is closed on every
 * path (the caller owns only the returned frame). Only used when the
 * container asks for a transform, so ordinary videos pay nothing.
 */
export class FrameOrienter {
  #canvas: OffscreenCanvas | null = null;
  #ctx: OffscreenCanvasRenderingContext2D | null = null;

  constructor(
    readonly rotation: Rotation,
    readonly flip: boolean,
  ) {}

  get isIdentity(): boolean {
    return this.rotation === 0 && !this.flip;
  }

  orient(frame: VideoFrame): VideoFrame {
    if (this.isIdentity) return frame;
    try {
      const w = frame.displayWidth;
      const h = frame.displayHeight;
      const out = uprightSize({ width: w, height: h }, this.rotation);
      const ctx = this.#context(out);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      if (this.flip) ctx.setTransform(-1, 0, 0, 1, out.width, 0);
      if (this.rotation === 90) ctx.transform(0, 1, -1, 0, h, 0);
      else if (this.rotation === 180) ctx.transform(-1, 0, 0, -1, w, h);
      else if (this.rotation === 270) ctx.transform(0, -1, 1, 0, 0, w);
      ctx.drawImage(frame, 0, 0, w, h);
      const init: VideoFrameInit = { timestamp: frame.timestamp };
      if (frame.duration !== null) init.duration = frame.duration;
      return new VideoFrame(this.#canvas!, init);
    } finally {
      frame.close();
    }
  }

  #context(size: Size): OffscreenCanvasRenderingContext2D {
    if (!this.#canvas || this.#canvas.width !== size.width || this.#canvas.height !== size.height) {
      this.#canvas = new OffscreenCanvas(size.width, size.height);
      this.#ctx = this.#canvas.getContext('2d', { alpha: false });
      if (!this.#ctx) throw new Error('OffscreenCanvas 2D context is unavailable, so a rotated video cannot be turned upright');
    }
    return this.#ctx!;
  }
}
