import { RateMeter, StageStats } from '../../core/perf/rollingStats';
import { predictBox, type TrackOutput } from '../../core/tracking';
import type { EngineClient } from '../engine/engineClient';
import type { EngineResult } from '../engine/protocol';

export interface LiveStats {
  /** Frames drawn with tracks (detected or carried by the motion model). */
  trackedFps: number;
  /** Frames the detector processed per second. */
  detectFps: number;
  cameraFps: number;
  /** Camera frames per detection (measured), and the user's minimum. */
  cadence: number;
  cadenceSetting: 'auto' | number;
  framesSeen: number;
  framesProcessed: number;
  framesSkipped: number;
  stages: ReturnType<StageStats['summary']>;
  numTensors: number;
  numBytes: number;
}

export interface LiveLoopHooks {
  /** Draws one frame's tracks; `fresh` is false when boxes were carried by the motion model. */
  render(tracks: readonly TrackOutput[], fresh: boolean): void;
  /** Called before the result is rendered (so masks and lists update first). */
  onResult(result: EngineResult): void;
  onStats(stats: LiveStats): void;
  onError(error: Error): void;
}

type VideoWithRvfc = HTMLVideoElement & { requestVideoFrameCallback?(cb: () => void): number; cancelVideoFrameCallback?(h: number): void };

/**
 * Camera frame loop. At most one frame is with the worker; frames that arrive
 * meanwhile are not queued: their boxes are carried by the Kalman motion
 * model (`predictBox`), so tracked output keeps the camera's rate while the
 * detector runs every k-th frame (k measured, or a user minimum).
 */
export class LiveLoop {
  readonly #stages = new StageStats();
  readonly #tracked = new RateMeter();
  readonly #detected = new RateMeter();
  readonly #camera = new RateMeter();
  #busy = false;
  #running = false;
  #handle = 0;
  #seen = 0;
  #done = 0;
  #sinceSend = Number.POSITIVE_INFINITY;
  #cadence = 1;
  #last: { tracks: readonly TrackOutput[]; seenAt: number } | null = null;
  #numTensors = 0;
  #numBytes = 0;

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
    public cadenceSetting: 'auto' | number = 'auto',
    readonly stepped = false,
  ) {}

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.engine.resetTracks();
    if (!this.stepped) this.#schedule();
  }

  /** One camera frame in stepped mode: detect (awaited) when the cadence allows, else carry. */
  async step(frame: ImageBitmap): Promise<void> {
    if (!this.stepped || !this.#running) throw new Error('LiveLoop.step needs a running loop created with stepped = true');
    const index = this.#seen++;
    this.#camera.tick(performance.now());
    this.#sinceSend++;
    if (this.#sinceSend >= this.#minK()) await this.#process(index, frame);
    else this.#carry();
  }

  #minK(): number {
    return this.cadenceSetting === 'auto' ? 1 : this.cadenceSetting;
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

  #onFrame(): void {
    const index = this.#seen++;
    this.#camera.tick(performance.now());
    this.#sinceSend++;
    const ready = this.video.readyState >= 2 && this.video.videoWidth > 0;
    if (!this.#busy && ready && this.#sinceSend >= this.#minK()) void this.#process(index);
    else this.#carry();
    this.#schedule();
  }

  /** Draws the last tracks moved forward by the motion model. */
  #carry(): void {
    if (!this.#last) return;
    const steps = (this.#seen - this.#last.seenAt) / this.#cadence;
    this.hooks.render(
      this.#last.tracks.map((t) => ({ ...t, box: predictBox(t, steps) })),
      false,
    );
    this.#tracked.tick(performance.now());
  }

  /** Detects on `frame` (default: the video's current frame, captured now). */
  async #process(index: number, frame?: ImageBitmap): Promise<void> {
    this.#busy = true;
    this.#cadence = Number.isFinite(this.#sinceSend) ? 0.7 * this.#cadence + 0.3 * this.#sinceSend : 1;
    this.#sinceSend = 0;
    try {
      const t0 = performance.now();
      const bitmap = frame ?? (await createImageBitmap(this.video));
      const capture = performance.now() - t0;
      const result = await this.engine.detect(bitmap, index);
      if (!this.#running) return;
      this.hooks.onResult(result);
      const t1 = performance.now();
      this.hooks.render(result.tracks, true);
      const t = result.timings;
      const sample = {
        capture,
        preprocess: t.preprocessMs,
        inference: t.inferenceMs,
        postprocess: t.postprocessMs,
        embed: t.embedMs,
        track: t.trackMs,
        segment: t.segmentMs > 0 ? t.segmentMs : undefined,
        render: performance.now() - t1,
      };
      this.#stages.push(sample);
      this.#last = { tracks: result.tracks, seenAt: this.#seen };
      this.#numTensors = result.numTensors;
      this.#numBytes = result.numBytes;
      this.#done++;
      this.#detected.tick(performance.now());
      this.#tracked.tick(performance.now());
      this.hooks.onStats(this.stats());
    } catch (e) {
      if (this.#running) this.hooks.onError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.#busy = false;
    }
  }

  stats(): LiveStats {
    return {
      trackedFps: this.#tracked.rate(),
      detectFps: this.#detected.rate(),
      cameraFps: this.#camera.rate(),
      cadence: this.#cadence,
      cadenceSetting: this.cadenceSetting,
      framesSeen: this.#seen,
      framesProcessed: this.#done,
      framesSkipped: this.#seen - this.#done,
      stages: this.#stages.summary(),
      numTensors: this.#numTensors,
      numBytes: this.#numBytes,
    };
  }
}
