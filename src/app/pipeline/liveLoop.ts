import type { Detection } from '../../core/detection/types';
import { RateMeter, StageStats, type StageSample } from '../../core/perf/rollingStats';
import type { EngineClient } from '../engine/engineClient';

export interface LiveStats {
  processedFps: number;
  cameraFps: number;
  framesSeen: number;
  framesProcessed: number;
  framesDropped: number;
  stages: ReturnType<StageStats['summary']>;
  numTensors: number;
}

export interface LiveLoopHooks {
  onDetections(detections: Detection[], sample: Partial<StageSample>): void;
  /** Draws the overlay; its duration is the "render" stage. */
  render(detections: Detection[]): void;
  onStats(stats: LiveStats): void;
  onError(error: Error): void;
}

type VideoWithRvfc = HTMLVideoElement & { requestVideoFrameCallback?(cb: () => void): number; cancelVideoFrameCallback?(h: number): void };

/**
 * Camera frame loop. One frame is in flight at a time: a frame that arrives
 * while the worker is busy is dropped (counted), never queued, so latency
 * stays bounded when inference is slower than the camera.
 */
export class LiveLoop {
  readonly #stages = new StageStats();
  readonly #processed = new RateMeter();
  readonly #camera = new RateMeter();
  #busy = false;
  #running = false;
  #handle = 0;
  #seen = 0;
  #done = 0;
  #dropped = 0;
  #numTensors = 0;

  constructor(
    readonly video: VideoWithRvfc,
    readonly engine: EngineClient,
    readonly hooks: LiveLoopHooks,
  ) {}

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
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
    this.#seen++;
    this.#camera.tick(performance.now());
    if (this.#busy) this.#dropped++;
    else if (this.video.readyState >= 2 && this.video.videoWidth > 0) void this.#process();
    this.#schedule();
  }

  async #process(): Promise<void> {
    this.#busy = true;
    try {
      const t0 = performance.now();
      const bitmap = await createImageBitmap(this.video);
      const capture = performance.now() - t0;
      const result = await this.engine.detect(bitmap);
      if (!this.#running) return;
      const t1 = performance.now();
      this.hooks.render(result.detections);
      const sample = { capture, ...toStages(result.timings), render: performance.now() - t1 };
      this.#stages.push(sample);
      this.#numTensors = result.numTensors;
      this.#done++;
      this.#processed.tick(performance.now());
      this.hooks.onDetections(result.detections, sample);
      this.hooks.onStats(this.stats());
    } catch (e) {
      if (this.#running) this.hooks.onError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.#busy = false;
    }
  }

  stats(): LiveStats {
    return {
      processedFps: this.#processed.rate(),
      cameraFps: this.#camera.rate(),
      framesSeen: this.#seen,
      framesProcessed: this.#done,
      framesDropped: this.#dropped,
      stages: this.#stages.summary(),
      numTensors: this.#numTensors,
    };
  }
}

function toStages(t: { preprocessMs: number; inferenceMs: number; postprocessMs: number }): Partial<StageSample> {
  return { preprocess: t.preprocessMs, inference: t.inferenceMs, postprocess: t.postprocessMs };
}
