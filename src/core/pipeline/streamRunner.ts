import type { DetectorConfig, DetectorName } from '../detection/config.ts';
import type { Detector, DetectorInput } from '../detection/types.ts';
import type { TrackerConfigInput } from '../tracking/config.ts';
import { expectedCadence, type CadenceSetting } from './cadence.ts';
import { carryTracks } from './carry.ts';
import { DetectionScheduler } from './detectionScheduler.ts';
import type { MotionMeasurer } from './motionMeasurer.ts';
import { DEFAULT_TRACKED_CLASSES } from './presets.ts';
import { streamSettings, type StreamSettings } from './streamSettings.ts';
import { TrackingPipeline, type AppearanceStage, type FrameResult, type PipelineTimings } from './trackingPipeline.ts';

export interface StreamRunnerOptions {
  /** Source frames per second: the clock frames are stepped on. */
  frameRate: number;
  /** Detect every k-th frame, or `auto` (whenever the detector is free). Default 1. */
  cadence?: CadenceSetting;
  /**
   * When a detection's result is shown: `0` (default) on its own frame, as offline
   * tools assume; a number of ms after its frame on the stream clock (`--detect-ms`);
   * or `measured`, the detection's own wall time (`--realtime`).
   */
  latency?: number | 'measured';
  /** Detection time the tracker's time settings assume, when the latency is `measured` (ms). */
  expectedDetectMs?: number;
  /** Labels to track; null tracks every class. Default: people. */
  classes?: readonly string[] | null;
  /** Tracker preset; default: the detector's (`TRACKER_PRESETS`). */
  preset?: TrackerConfigInput;
  /** The user's detector settings, over the stream's defaults. */
  detectorConfig?: Partial<DetectorConfig>;
  appearance?: AppearanceStage;
  motion?: MotionMeasurer;
}

const ZERO: PipelineTimings = Object.freeze({ preprocessMs: 0, inferenceMs: 0, postprocessMs: 0, embedMs: 0, trackMs: 0 });
const now = () => globalThis.performance.now();

/**
 * One tracking stream: settings → cadence → detect or carry → result. The
 * live worker, the uploaded-video worker and the CLI all run their frames
 * through this class (the live page drives the same `DetectionScheduler` on
 * the real clock), so the same frames with the same options give the same
 * tracks everywhere.
 *
 * `step` puts each frame on the stream clock (index / frameRate): the
 * detector starts on the newest frame whenever it is free, its result is shown
 * `latency` later, and every frame gets what an overlay would draw at that
 * moment: the newest shown result carried forward by the motion model (and
 * the optional motion measurer) to this frame.
 */
export class StreamRunner {
  readonly settings: StreamSettings;
  readonly scheduler: DetectionScheduler<FrameResult>;
  readonly pipeline: TrackingPipeline;
  /** Frames per tracker update the tracker's time settings assume. */
  readonly every: number;
  #pending: { result: FrameResult; readyAtMs: number } | null = null;
  #freshIndex = -1;
  /** The tracker's newest update. */
  #latest: FrameResult | null = null;

  constructor(
    detector: Detector,
    readonly options: StreamRunnerOptions,
  ) {
    const { frameRate, cadence = 1, latency = 0, classes = DEFAULT_TRACKED_CLASSES } = options;
    const detectMs = latency === 'measured' ? (options.expectedDetectMs ?? 0) : latency;
    this.scheduler = new DetectionScheduler(cadence);
    this.every = expectedCadence(cadence, detectMs, frameRate);
    this.settings = streamSettings(detector.name as DetectorName, frameRate, this.every, classes, options.preset);
    detector.setConfig({ ...this.settings.detector, ...options.detectorConfig });
    this.pipeline = new TrackingPipeline(detector, this.settings.tracker, options.appearance);
    options.motion?.attach?.(this.pipeline);
  }

  get detector(): Detector {
    return this.pipeline.detector;
  }

  /** Detect → embed → track on `frame` now (the live worker calls this for the frames its page sends). */
  async detect(frame: DetectorInput, index: number): Promise<FrameResult> {
    const result = await this.pipeline.detectAndTrack(frame, index);
    this.#latest = result;
    await this.options.motion?.observe?.(frame, index, result.tracks);
    return result;
  }

  /** The next source frame, in order: detected or carried by the cadence and latency. */
  async step(frame: DetectorInput, index: number): Promise<FrameResult> {
    const clockMs = (index * 1000) / this.options.frameRate;
    this.#deliver(clockMs);
    if (this.scheduler.frame(index, clockMs)) {
      const t0 = now();
      const result = await this.detect(frame, index);
      const latency = this.options.latency ?? 0;
      this.#pending = { result, readyAtMs: clockMs + (latency === 'measured' ? now() - t0 : latency) };
      this.#deliver(clockMs);
    }
    return this.#show(frame, index);
  }

  /** Shows the pending result once the clock reaches its ready time. */
  #deliver(clockMs: number): void {
    if (!this.#pending || this.#pending.readyAtMs > clockMs) return;
    this.scheduler.finish(this.#pending.result, this.#pending.readyAtMs);
    this.#freshIndex = this.#pending.result.index;
    this.#pending = null;
  }

  async #show(frame: DetectorInput, index: number): Promise<FrameResult> {
    const view = this.scheduler.view(index);
    if (view && view.sourceIndex === index && this.#freshIndex === index) return view.result;
    const carried = view ? carryTracks(view.result.tracks, view.steps) : [];
    const context = view ? { steps: view.steps, fromLatestUpdate: view.result === this.#latest, sourceIndex: view.sourceIndex } : undefined;
    const tracks = this.options.motion ? await this.options.motion.measure(frame, index, carried, context) : carried;
    return { index, detected: false, detections: [], tracks, timings: ZERO };
  }

  /** Starts a new stream: forgets every track and detection (ids restart at 1). */
  resetTracks(): void {
    this.pipeline.resetTracks();
    this.scheduler.reset();
    this.options.motion?.reset?.();
    this.#pending = null;
    this.#freshIndex = -1;
    this.#latest = null;
  }

  dispose(): void {
    this.pipeline.dispose();
    this.options.motion?.dispose?.();
  }
}
