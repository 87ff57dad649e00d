/**
 * Opt-in results API for automated tests (`?testHooks=1`): the last frames'
 * track ids and boxes, read through `window.trackscope.liveFrames`. Nothing
 * is recorded unless the parameter is present, and the buffer is bounded.
 */
import type { TrackOutput } from '../core/tracking';
import type { LiveStats } from './pipeline/liveLoop';

export interface RecordedFrame {
  index: number;
  tracks: Array<{ id: number; label?: string; customLabel?: string; box: readonly number[] }>;
}

const LIMIT = 2000;
const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).get('testHooks') === '1';
const liveFrames: RecordedFrame[] = [];
const hooks: {
  liveFrames: RecordedFrame[];
  liveStats: LiveStats | null;
  loseGpuContext?: () => void;
  /** The page's (training) TF.js tensor count, for "tensors stay flat" tests. */
  numTensors?: () => number;
} = { liveFrames, liveStats: null };
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

/** Lets a test make the pipeline worker lose its WebGL context. */
export function exposeFaultInjection(loseGpuContext: () => void): void {
  if (enabled) hooks.loseGpuContext = loseGpuContext;
}

/** Lets a test read the page's tf.memory().numTensors. */
export function exposeTensorCount(read: () => number): void {
  if (enabled) hooks.numTensors = read;
}
