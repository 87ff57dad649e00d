import { DetectionScheduler, carryTracks, type CadenceSetting } from '../../core/pipeline';
import { RateMeter, StageStats } from '../../core/perf/rollingStats';
import type { TrackOutput } from '../../core/tracking';
import type { EngineClient } from '../engine/engineClient';
import type { EngineResult } from '../engine/protocol';
import { cameraFrameRate, reportedFrameRate } from './cameraFrameRate';
import { LiveMotion } from './liveMotion';

export interface LiveStats {
  /** Frames drawn with tracks (detected or carried by the motion model). */
  trackedFps: number;
  /** Frames the detector processed per second. */
  detectFps: number;
  cameraFps: number;
  /** Camera frames per detection (measured), and the user's minimum. */
  cadence: number;
  cadenceSetting: CadenceSetting;
  /** The detector's input size (null before the first result or without the ladder) and the cadence planned with it. */
  inputSize: number | null;
  plannedCadence: number | null;
  /** Rate of the tracker's clock (the camera's reported frame rate), null before the first result. */
  trackerFrameRate: number | null;
  /** Time from a frame's capture to its result (ms, smoothed): how far the boxes are carried forward. */
  lagMs: number;
  framesSeen: number;
  framesProcessed: number;
  framesSkipped: number;
  stages: ReturnType<StageStats['summary']>;
  /** Where the motion step read the camera's pixels: `video-frame` (`VideoFrame.copyTo`, no canvas), `canvas`, or null (flow off or no frame yet). */
  motionCapture: 'video-frame' | 'canvas' | null;
  numTensors: number;
  numBytes: number;
}

export interface LiveLoopHooks {
  /**
   * Draws one frame's tracks, at that frame's position. `fresh` is true on the
   * first drawing of a new detection result; later frames carry its boxes with
   * the motion model.
   */
  render(tracks: readonly TrackOutput[], fresh: boolean, frame: DrawnFrame): void;
  /** Whether pixel motion moves the carried boxes (read on every frame, so it can be switched live). */
  flow(): boolean;
  /** Called before the result is rendered (so masks and lists update first). */
  onResult(result: EngineResult): void;
  onStats(stats: LiveStats): void;
  onError(error: Error): void;
}

/** The frame a `render` call draws, and the Kalman carry its boxes started from (equal to them without pixel motion). */
export interface DrawnFrame {
  readonly index: number;
  readonly kalman: readonly TrackOutput[];
}

type VideoWithRvfc = HTMLVideoElement & { requestVideoFrameCallback?(cb: () => void): number; cancelVideoFrameCallback?(h: number): void };

/**
 * Camera frame loop on the real clock. The `DetectionScheduler` (the same one
 * `npm run track -- --realtime` drives on a simulated clock) decides: the
 * worker gets the newest frame whenever it is free, frames that arrive
 * meanwhile are not queued, and every frame is drawn with the newest result
 * carried by the Kalman motion model from the frame it was detected on to the
 * current one, so boxes sit where people are now, not where they were when
 * the detection started. With pixel motion on (`hooks.flow()`), `LiveMotion`
 * moves the carried boxes by the image motion measured inside them.
 */
export class LiveLoop {
  readonly #stages = new StageStats();
  readonly #tracked = new RateMeter();
  readonly #detected = new RateMeter();
  readonly #camera = new RateMeter();
  readonly #scheduler: DetectionScheduler<EngineResult>;
  readonly #motion = new LiveMotion();
  #running = false;
  /** Bumped by `start`: a result from before a restart is dropped. */
  #generation = 0;
  #handle = 0;
  #seen = 0;
  #done = 0;
  #numTensors = 0;
  #inputSize: number | null = null;
  #plannedCadence: number | null = null;
  #trackerFrameRate: number | null = null;
  #numBytes = 0;
  /** The current frame's capture time for the motion step (ms), added to its measuring time when drawn. */
  #motionMs = 0;
  /** The last draw's measuring time (ms), kept out of the `render` stage. */
  #drawMotionMs = 0;

  /**
   * `stepped` (test hook only): the loop does not follow the camera's clock;
   * each `step(frame)` is one camera frame, and a detection started on it is
   * awaited before the step returns. The outcome then depends on the frames
   * alone, not on how fast the machine is.
   */
  constructor(
    readonly video: VideoWithRvfc,
    readonly engine: EngineClient,
    readonly hooks: LiveLoopHooks,
    readonly cadenceSetting: CadenceSetting = 'auto',
    readonly stepped = false,
  ) {
    this.#scheduler = new DetectionScheduler(cadenceSetting);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#generation++;
    this.engine.resetTracks(cameraFrameRate(reportedFrameRate(this.video)));
    this.#scheduler.reset();
    this.#motion.reset();
    if (!this.stepped) this.#schedule();
  }

  /** One camera frame in stepped mode: detect (awaited) when the cadence allows, else carry. */
  async step(frame: ImageBitmap): Promise<void> {
    if (!this.stepped || !this.#running) throw new Error('LiveLoop.step needs a running loop created with stepped = true');
    const index = this.#nextFrame();
    await this.#capture(index, frame, frame.width, frame.height);
    if (this.#scheduler.frame(index, performance.now())) await this.#process(index, frame);
    else {
      frame.close();
      this.#draw(index, false);
    }
  }

  stop(): void {
    this.#running = false;
    if (this.video.cancelVideoFrameCallback) this.video.cancelVideoFrameCallback(this.#handle);
    else cancelAnimationFrame(this.#handle);
  }

  #schedule(): void {
    if (!this.#running) return;
    const next = () => this.#onFrame();
    this.#handle = this.video.requestVideoFrameCallback ? this.video.requestVideoFrameCallback(next) : requestAnimationFrame(next);
  }

  #nextFrame(): number {
    this.#camera.tick(performance.now());
    return this.#seen++;
  }

  #onFrame(): void {
    const index = this.#nextFrame();
    const ready = this.video.readyState >= 2 && this.video.videoWidth > 0;
    // The detection grabs its bitmap now; the motion step's copy of the same frame resolves before the frame is drawn.
    const detect = ready && this.#scheduler.frame(index, performance.now());
    if (detect) void this.#process(index);
    const captured = ready ? this.#capture(index, this.video, this.video.videoWidth, this.video.videoHeight) : Promise.resolve();
    if (!detect) void captured.then(() => this.#draw(index, false));
    this.#schedule();
  }

  /**
   * Keeps frame `index`'s pixels for the motion step (when on). Its own work counts towards the frame's
   * `motion` stage; the wait for the browser's `VideoFrame.copyTo` (the page is free meanwhile) is the
   * `copy-wait` stage.
   */
  async #capture(index: number, frame: CanvasImageSource, width: number, height: number): Promise<void> {
    if (!this.hooks.flow()) return;
    const t0 = performance.now();
    let waitMs: number | null = null;
    try {
      waitMs = await this.#motion.capture(index, frame, width, height);
    } catch (e) {
      this.hooks.onError(e instanceof Error ? e : new Error(String(e)));
    }
    this.#motionMs = performance.now() - t0 - (waitMs ?? 0);
    if (waitMs !== null) this.#stages.push({ 'copy-wait': waitMs });
  }

  /** Draws the newest result carried to frame `index` (moved by pixel motion when on). */
  #draw(index: number, fresh: boolean): void {
    const view = this.#scheduler.view(index);
    if (!view) return;
    // Bound to this result: the motion step may still follow it after a newer one lands.
    const { result, sourceIndex, gap } = view;
    const carryTo = (k: number) => carryTracks(result.tracks, (k - sourceIndex) / gap);
    const kalman = carryTo(index);
    let tracks = kalman;
    this.#drawMotionMs = 0;
    if (this.hooks.flow()) {
      const t0 = performance.now();
      tracks = this.#motion.carry(view.result, view.sourceIndex, view.result.tracks, index, carryTo);
      this.#drawMotionMs = performance.now() - t0;
      this.#stages.push({ motion: this.#motionMs + this.#drawMotionMs });
    }
    this.#motionMs = 0;
    this.hooks.render(tracks, fresh, { index, kalman });
    this.#tracked.tick(performance.now());
  }

  /** Detects on `frame` (default: the video's current frame, captured now). */
  async #process(index: number, frame?: ImageBitmap): Promise<void> {
    const generation = this.#generation;
    try {
      const t0 = performance.now();
      const bitmap = frame ?? (await createImageBitmap(this.video));
      const capture = performance.now() - t0;
      const result = await this.engine.detect(bitmap, index);
      if (generation !== this.#generation) return; // restarted meanwhile: the scheduler was reset
      if (!this.#running) return this.#scheduler.abandon();
      this.#scheduler.finish(result, performance.now());
      this.hooks.onResult(result);
      const t1 = performance.now();
      // Drawn at the newest camera frame seen while the worker ran.
      this.#draw(this.#seen - 1, true);
      const t = result.timings;
      this.#stages.push({
        capture,
        preprocess: t.preprocessMs,
        inference: t.inferenceMs,
        postprocess: t.postprocessMs,
        embed: t.embedMs,
        track: t.trackMs,
        segment: t.segmentMs > 0 ? t.segmentMs : undefined,
        render: performance.now() - t1 - this.#drawMotionMs, // the motion step has its own stage
      });
      this.#numTensors = result.numTensors;
      this.#inputSize = result.inputSize;
      this.#plannedCadence = result.plannedCadence;
      this.#trackerFrameRate = result.frameRate;
      this.#numBytes = result.numBytes;
      this.#done++;
      this.#detected.tick(performance.now());
      this.hooks.onStats(this.stats());
    } catch (e) {
      if (generation === this.#generation) this.#scheduler.abandon();
      if (this.#running) this.hooks.onError(e instanceof Error ? e : new Error(String(e)));
    }
  }

  stats(): LiveStats {
    return {
      trackedFps: this.#tracked.rate(),
      detectFps: this.#detected.rate(),
      cameraFps: this.#camera.rate(),
      cadence: this.#scheduler.cadence,
      cadenceSetting: this.cadenceSetting,
      inputSize: this.#inputSize,
      plannedCadence: this.#plannedCadence,
      trackerFrameRate: this.#trackerFrameRate,
      lagMs: this.#scheduler.latencyMs,
      framesSeen: this.#seen,
      framesProcessed: this.#done,
      framesSkipped: this.#seen - this.#done,
      stages: this.#stages.summary(),
      motionCapture: this.hooks.flow() ? this.#motion.capturePath : null,
      numTensors: this.#numTensors,
      numBytes: this.#numBytes,
    };
  }
}
