/**
 * Opt-in results API for automated tests (`?testHooks=1`): the last frames'
 * track ids and boxes, read through `window.trackscope.liveFrames`. Nothing
 * is recorded unless the parameter is present, and the buffer is bounded.
 *
 * With `&liveStep=1` as well, the live loop does not follow the camera's
 * clock: a test feeds it recorded frames with
 * `await window.trackscope.stepLive([base64 JPEG or PNG, ...])`, one camera
 * frame each, and every detection is awaited. Results then depend on the
 * frames alone, never on the machine's speed.
 */
import type { TrackOutput } from '../core/tracking';
import type { DrawnFrame, LiveStats } from './pipeline/liveLoop';
import type { TrackerExplanation } from '../core/tracking';
import type { WorkerStats } from './video/protocol';
import type { ZooWorkerStats } from './training/zooProtocol';

export interface RecordedFrame {
  index: number;
  tracks: Array<{ id: number; label?: string; customLabel?: string; box: readonly number[] }>;
}

/** One drawn live frame: each track's drawn box and its Kalman carry (equal on detected frames and with `flow=off`). */
export interface DrawnRecord {
  index: number;
  fresh: boolean;
  tracks: Array<{ id: number; box: readonly number[]; kalman: readonly number[] }>;
}

const LIMIT = 2000;
const params = typeof location !== 'undefined' ? new URLSearchParams(location.search) : new URLSearchParams();
const enabled = params.get('testHooks') === '1';
/** True when a test drives the live loop frame by frame (`?testHooks=1&liveStep=1`). */
export const liveStepMode = enabled && params.get('liveStep') === '1';
const liveFrames: RecordedFrame[] = [];
const liveDrawn: DrawnRecord[] = [];
const hooks: {
  liveFrames: RecordedFrame[];
  /** Every drawn camera frame, detected or carried. */
  liveDrawn: DrawnRecord[];
  liveStats: LiveStats | null;
  loseGpuContext?: () => void;
  stepLive?: (frames: readonly string[]) => Promise<number>;
  /** The page's (training) TF.js tensor count, for "tensors stay flat" tests. */
  numTensors?: () => number;
  /** The video worker's detector-call and tensor counters after its latest run (null before one). */
  videoWorker?: () => WorkerStats | null;
  /** The architecture zoo worker's backend, tensors around its latest run and batches trained (null before one). */
  zooWorker?: () => ZooWorkerStats | null;
  /** The Video view's "DeepSORT internals": the explained frame (0-based) and the tracker's explanation. */
  videoExplanation?: () => { frame: number; explanation: TrackerExplanation } | null;
} = { liveFrames, liveDrawn, liveStats: null };
if (enabled) (globalThis as unknown as { trackscope: unknown }).trackscope = hooks;

/** Latest HUD statistics, for benchmarks and soak runs. */
export function recordLiveStats(stats: LiveStats): void {
  if (enabled) hooks.liveStats = stats;
}

export function recordLiveFrame(index: number, tracks: readonly (TrackOutput & { customLabel?: string })[]): void {
  if (!enabled) return;
  liveFrames.push({ index, tracks: tracks.map((t) => ({ id: t.id, label: t.label, customLabel: t.customLabel, box: t.box })) });
  if (liveFrames.length > LIMIT) liveFrames.shift();
}

export function recordLiveDrawn(frame: DrawnFrame, fresh: boolean, tracks: readonly TrackOutput[]): void {
  if (!enabled) return;
  const kalman = new Map(frame.kalman.map((t) => [t.id, t.box]));
  liveDrawn.push({ index: frame.index, fresh, tracks: tracks.map((t) => ({ id: t.id, box: t.box, kalman: kalman.get(t.id) ?? t.box })) });
  if (liveDrawn.length > LIMIT) liveDrawn.shift();
}

/** Lets a test make the pipeline worker lose its WebGL context. */
export function exposeFaultInjection(loseGpuContext: () => void): void {
  if (enabled) hooks.loseGpuContext = loseGpuContext;
}

/** Decodes a base64-encoded image (JPEG or PNG) without fetch, which the CSP limits to 'self'. */
async function decodeBase64Image(data: string): Promise<ImageBitmap> {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return createImageBitmap(new Blob([bytes]));
}

/**
 * Lets a test step the live loop (`liveStep=1`): each base64 image is one
 * camera frame. Resolves with the number of frames stepped once the last one
 * has been processed (or carried) and drawn.
 */
export function exposeLiveStepper(step: (frame: ImageBitmap) => Promise<void>): () => void {
  if (!liveStepMode) return () => {};
  hooks.stepLive = async (frames) => {
    for (const f of frames) await step(await decodeBase64Image(f));
    return frames.length;
  };
  return () => {
    hooks.stepLive = undefined;
  };
}

/** Lets a test read the page's tf.memory().numTensors. */
export function exposeTensorCount(read: () => number): void {
  if (enabled) hooks.numTensors = read;
}

/** Lets a test read the video worker's counters (detector calls, tensors, cached frames). */
export function exposeVideoWorkerStats(read: () => WorkerStats | null): void {
  if (enabled) hooks.videoWorker = read;
}

/** Lets a test read the zoo worker's stats after its latest run. */
export function exposeZooWorkerStats(read: () => ZooWorkerStats | null): void {
  if (enabled) hooks.zooWorker = read;
}

/** Lets a test read the explanation the Video view's internals panel shows. */
export function exposeVideoExplanation(read: () => { frame: number; explanation: TrackerExplanation } | null): void {
  if (enabled) hooks.videoExplanation = read;
}
