/**
 * Pixel motion between detections in the live view, on the page: the same
 * median-flow step (`MotionStage`) the CLI and the uploaded-video worker run,
 * fed from the camera frames the detection worker never sees. Every camera
 * frame's grayscale (downscaled, see `MOTION_MAX_WIDTH`) goes into a short
 * ring by frame index. When a detection result for frame i is drawn, its
 * boxes are observed on frame i's gray and chained forward frame by frame to
 * the frame being drawn; each later frame measures from the previous one.
 * A result arrives several frames after its own (the detector's lag), so the
 * new chain has those frames to catch up: at most `MOTION_CATCH_UP_STEPS`
 * per drawn frame, while the previous result's chain keeps moving the drawn
 * boxes; the new chain takes over once it reaches the frame being drawn.
 * Drawing only: reliable measurements move the drawn boxes, unreliable ones
 * keep the Kalman carry, and the Kalman state is not corrected
 * (`MotionConfig.correctKalman`).
 */
import type { Tlwh } from '../../core/geometry/boxes';
import {
  DEFAULT_MOTION_CONFIG,
  GrayBuffers,
  levelsAtScale,
  planeToGray,
  rgbToGray,
  type GrayImage,
  type PixelPlane,
} from '../../core/motion';
import { MotionStage } from '../../core/pipeline/motionStage';
import type { TrackOutput } from '../../core/tracking';

/** Camera frames kept: a detection lag of up to 1 s at 30 fps. A result for an older frame is drawn with the Kalman carry only. */
export const MOTION_RING_FRAMES = 32;
/**
 * Grayscale width at most (px; height in proportion). Half of vtest's 768:
 * a walker (~36x92 px) keeps 18x46 px, enough for the 6x6 point grid, with a
 * quarter of the pixels to convert and pyramid. The gray is measured with
 * one pyramid level less per halving (`levelsAtScale`), so the search range
 * in source pixels stays that of the full frame. `npm run bench:flow` times
 * the whole step (capture + 10 tracks, 640x480) in Chromium: 0.95 ms per
 * frame, capture 0.20 (copyTo) and flow 0.74.
 */
export const MOTION_MAX_WIDTH = 384;

/**
 * Frames a new result's chain measures per drawn frame while it catches up
 * with the camera (the previous chain measures one more). Measuring the whole
 * lag at once, as before, stalled the frame a result landed on: with vtest as
 * the fake camera the detector lags 3–22 frames (median 8) at 0.7–0.9 ms per
 * frame measured, 6–58 ms in one draw, which made the HUD's `motion` p95
 * (npm run bench:pipeline -- --env browser). With 4, a 10-frame lag is caught
 * up on the 4th frame after the result and no frame measures more than 5.
 */
export const MOTION_CATCH_UP_STEPS = 4;

/** Gray channels of the `VideoFrame` formats read directly: the Y plane, or R, G, B byte positions of a 4-byte pixel. */
const FRAME_CHANNELS: Partial<Record<VideoPixelFormat, PixelPlane['channels']>> = {
  I420: 'luma',
  I420A: 'luma',
  I422: 'luma',
  I444: 'luma',
  NV12: 'luma',
  RGBA: [0, 1, 2],
  RGBX: [0, 1, 2],
  BGRA: [2, 1, 0],
  BGRX: [2, 1, 0],
};

const scaleBox = ([x, y, w, h]: Tlwh, s: number): Tlwh => [x * s, y * s, w * s, h * s];

/** How `LiveMotion` reads a frame's pixels: `auto` tries `VideoFrame.copyTo` first; `canvas` always draws and reads back (the baseline in `npm run bench:flow`). */
export type MotionCaptureMode = 'auto' | 'canvas';

/** One result's boxes followed frame by frame from the frame it was detected on. */
interface Chain {
  readonly result: unknown;
  readonly stage: MotionStage;
  /** The result's tracks carried by the Kalman prediction to a frame. */
  readonly carryTo: (index: number) => TrackOutput[];
  /** The newest frame measured (-1: broken, the Kalman carry is drawn). */
  at: number;
  /** Reliable measured boxes on frame `at` (source pixels). */
  boxes: Map<number, Tlwh>;
}

export class LiveMotion {
  /**
   * Median flow at the gray's scale (its pyramid levels reach the same coarsest scale as the default
   * levels on a full frame, `levelsAtScale`): one stage for the drawn chain, one for the chain catching up.
   */
  #stages = [new MotionStage(), new MotionStage()];
  /** The chain whose boxes are drawn, and a newer result's chain still catching up with the camera. */
  #shown: Chain | null = null;
  #pending: Chain | null = null;
  /** Frames measured by the last `carry` (both chains). */
  #steps = 0;
  readonly #ring: ({ index: number; gray: GrayImage } | undefined)[] = new Array(MOTION_RING_FRAMES);
  /** The ring's gray pixels, allocated for all slots at once (no allocation per frame). */
  readonly #buffers = new GrayBuffers(MOTION_RING_FRAMES);
  #ctx: OffscreenCanvasRenderingContext2D | null = null;
  /** Try `VideoFrame.copyTo` first (off after it fails once). */
  #copyFrames: boolean;
  #bytes = new Uint8Array(0);
  #lastPath: 'video-frame' | 'canvas' = 'canvas';
  /** The last `copyTo`'s wait (ms). */
  #copyWaitMs: number | null = null;
  /** The newest frame index captured. */
  #captured = -1;
  /** Gray pixels per source pixel. */
  #scale = 1;

  /** `catchUpSteps`: frames a new result's chain measures per `carry` until it reaches the drawn frame. */
  constructor(
    mode: MotionCaptureMode = 'auto',
    readonly catchUpSteps = MOTION_CATCH_UP_STEPS,
  ) {
    if (!(catchUpSteps >= 1)) throw new RangeError(`LiveMotion: catchUpSteps is ${catchUpSteps}; allowed: >= 1 (Infinity: no limit)`);
    this.#copyFrames = mode === 'auto' && typeof VideoFrame !== 'undefined';
  }

  /**
   * Keeps camera frame `index`'s grayscale (`width` x `height` source pixels).
   * Where the browser has `VideoFrame`, the frame's pixels are copied out of
   * the decoder (`copyTo`): for a camera's I420 frame that is the luma plane
   * itself, 0.2 ms with the conversion to gray against 7 ms to draw it into
   * a canvas and read it back (`npm run bench:flow`: Chromium on this
   * machine, 640x480). Other sources and formats, and
   * browsers without `VideoFrame`, take the canvas path.
   *
   * Resolves with the milliseconds spent waiting for the browser's copy
   * (null on the canvas path): the page is free meanwhile, so it is not the
   * step's own work, but the frame is drawn only after it.
   */
  async capture(index: number, frame: CanvasImageSource, width: number, height: number): Promise<number | null> {
    const factor = Math.max(1, Math.ceil(width / MOTION_MAX_WIDTH));
    const slot = index % MOTION_RING_FRAMES;
    this.#release(slot);
    this.#copyWaitMs = null;
    const copied = this.#copyFrames ? await this.#copyFrame(frame, factor, slot) : null;
    this.keep(index, copied ?? this.#canvasGray(frame, width, height, slot), width);
    return copied ? this.#copyWaitMs : null;
  }

  /**
   * Keeps `gray` (camera frame `index`, `width` source pixels wide) in the
   * ring; `capture` calls it with the frame's pixels. `gray.data` must stay
   * unchanged while the frame is in the ring.
   */
  keep(index: number, gray: GrayImage, width: number): void {
    const slot = index % MOTION_RING_FRAMES;
    this.#release(slot);
    const scale = gray.width / width;
    if (scale !== this.#scale) {
      // Grays of another scale cannot be chained.
      this.#shown = this.#pending = null;
      const levels = levelsAtScale(DEFAULT_MOTION_CONFIG.levels, Math.min(1, scale));
      if (levels !== this.#stages[0].measurer.config.levels) this.#stages = [new MotionStage({ levels }), new MotionStage({ levels })];
    }
    this.#scale = scale;
    this.#ring[slot] = { index, gray };
    this.#captured = Math.max(this.#captured, index);
  }

  /** Frames measured by the last `carry` (both chains): at most `catchUpSteps` + 1 once the drawn chain follows the camera. */
  get lastSteps(): number {
    return this.#steps;
  }

  /** A chain whose newest frame is in `slot`, about to be overwritten, is too far behind to continue. */
  #release(slot: number): void {
    const old = this.#ring[slot];
    if (!old) return;
    for (const chain of [this.#shown, this.#pending]) if (chain && chain.at === old.index) chain.at = -1;
  }

  /** Where the last frame's pixels came from (the HUD and the tests read it). */
  get capturePath(): 'video-frame' | 'canvas' | null {
    return this.#captured < 0 ? null : this.#lastPath;
  }

  async #copyFrame(frame: CanvasImageSource, factor: number, slot: number): Promise<GrayImage | null> {
    let vf: VideoFrame | null = null;
    try {
      vf = new VideoFrame(frame as VideoFrame | HTMLVideoElement | ImageBitmap, { timestamp: 0 });
      const { format, visibleRect } = vf;
      const channels = format === null ? undefined : FRAME_CHANNELS[format];
      if (!channels || !visibleRect) return null;
      const size = vf.allocationSize();
      if (this.#bytes.length !== size) this.#bytes = new Uint8Array(size);
      const t0 = performance.now();
      const [first] = await vf.copyTo(this.#bytes);
      this.#copyWaitMs = performance.now() - t0;
      const step = channels === 'luma' ? 1 : 4;
      const plane = {
        width: visibleRect.width,
        height: visibleRect.height,
        stride: first.stride,
        offset: first.offset + visibleRect.y * first.stride + visibleRect.x * step,
        channels,
      };
      this.#lastPath = 'video-frame';
      const out = this.#buffers.get(slot, Math.floor(plane.width / factor) * Math.floor(plane.height / factor));
      return planeToGray(this.#bytes, plane, factor, out);
    } catch {
      this.#copyFrames = false; // not supported for this source: canvas from now on
      return null;
    } finally {
      vf?.close();
    }
  }

  #canvasGray(frame: CanvasImageSource, width: number, height: number, slot: number): GrayImage {
    const w = Math.min(width, MOTION_MAX_WIDTH);
    const h = Math.max(1, Math.round((height * w) / width));
    if (!this.#ctx || this.#ctx.canvas.width !== w || this.#ctx.canvas.height !== h) {
      this.#ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
      if (!this.#ctx) throw new Error('LiveMotion: no 2D canvas context for the camera frames');
    }
    this.#ctx.drawImage(frame, 0, 0, w, h);
    this.#lastPath = 'canvas';
    return rgbToGray(this.#ctx.getImageData(0, 0, w, h).data, w, h, 4, this.#buffers.get(slot, w * h));
  }

  /**
   * The tracks to draw on frame `index`: `result`'s tracks (detected on
   * `sourceIndex`) carried by `carryTo` (the Kalman carry to a frame), with
   * each reliably measured box replaced by the measured one. While a new
   * result's chain catches up, the boxes the previous chain measures on
   * `index` are drawn for the tracks both results have.
   */
  carry(
    result: unknown,
    sourceIndex: number,
    tracks: readonly TrackOutput[],
    index: number,
    carryTo: (index: number) => TrackOutput[],
  ): TrackOutput[] {
    this.#steps = 0;
    if (result !== (this.#pending ?? this.#shown)?.result) this.#pending = this.#start(result, sourceIndex, tracks, carryTo);
    if (this.#pending) {
      this.#advance(this.#pending, index, this.catchUpSteps);
      // Caught up, or broken (then the Kalman carry of the new result is drawn).
      if (this.#pending.at < 0 || this.#pending.at >= index) [this.#shown, this.#pending] = [this.#pending, null];
    }
    if (this.#shown) this.#advance(this.#shown, index, Number.POSITIVE_INFINITY);
    const kalman = carryTo(index);
    const shown = this.#shown;
    if (!shown || shown.at !== index) return kalman;
    return kalman.map((t) => {
      const box = shown.boxes.get(t.id);
      return box ? { ...t, box } : t;
    });
  }

  /** New stream: forgets the frames and the chains. */
  reset(): void {
    this.#ring.fill(undefined);
    this.#captured = -1;
    for (const stage of this.#stages) stage.reset();
    this.#shown = this.#pending = null;
  }

  /** A chain for a new result, on the stage the drawn chain does not use. */
  #start(result: unknown, sourceIndex: number, tracks: readonly TrackOutput[], carryTo: (index: number) => TrackOutput[]): Chain {
    const stage = this.#stages[this.#shown?.stage === this.#stages[0] ? 1 : 0];
    const gray = this.#gray(sourceIndex);
    if (gray) stage.observe(gray, this.#scaled(tracks));
    return { result, stage, carryTo, at: gray ? sourceIndex : -1, boxes: new Map() };
  }

  /** Measures `chain` forward towards frame `index`, at most `limit` frames. */
  #advance(chain: Chain, index: number, limit: number): void {
    for (let n = 0; n < limit && chain.at >= 0 && chain.at < index; n++) {
      const gray = this.#gray(chain.at + 1);
      if (!gray && chain.at + 1 > this.#captured) return; // still being copied: continue on the next draw
      if (!gray) {
        chain.at = -1;
        return;
      }
      chain.at++;
      this.#steps++;
      const measured = chain.stage.measure(gray, this.#scaled(chain.carryTo(chain.at)));
      chain.boxes = new Map(measured.filter((m) => m.reliable).map((m) => [m.id, scaleBox(m.box, 1 / this.#scale)]));
    }
  }

  #gray(index: number): GrayImage | undefined {
    const slot = this.#ring[index % MOTION_RING_FRAMES];
    return slot?.index === index ? slot.gray : undefined;
  }

  #scaled(tracks: readonly TrackOutput[]): TrackOutput[] {
    return tracks.map((t) => ({ ...t, box: scaleBox(t.box, this.#scale) }));
  }
}
