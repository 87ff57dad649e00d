/**
 * Latency statistics and the results table for the detection benchmarks.
 * Pure TypeScript (no node: imports) so the Node bench and the headless
 * browser bench build rows the same way: collect FrameSamples, call makeRow.
 */

/** Per-frame milliseconds for each stage, plus how many detections came back. */
export interface FrameSample {
  readonly preprocess: number;
  readonly inference: number;
  readonly postprocess: number;
  readonly detections: number;
  /** Browser only: time to grab the frame (e.g. createImageBitmap). */
  readonly capture?: number;
}

export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export const STAGES = ['preprocess', 'inference', 'postprocess', 'total'] as const;
export type Stage = (typeof STAGES)[number];

export interface BenchRow {
  /** Where it ran: 'node' or 'browser' (e.g. headless Chromium). */
  readonly env: 'node' | 'browser';
  readonly backend: string;
  readonly detector: string;
  readonly frames: number;
  /** Model load + warm-up, ms. */
  readonly loadMs: number;
  readonly stages: Readonly<Record<Stage, Stats>> & { readonly capture?: Stats };
  readonly detectionsPerFrame: number;
  readonly numTensorsBefore: number;
  readonly numTensorsAfter: number;
  readonly note?: string;
}

/** Linear-interpolated quantile (q in [0, 1]) of unsorted values; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(values: readonly number[]): Stats {
  const n = values.length;
  const mean = n === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / n;
  return {
    n,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    mean,
    min: n === 0 ? Number.NaN : Math.min(...values),
    max: n === 0 ? Number.NaN : Math.max(...values),
  };
}

export function makeRow(meta: Omit<BenchRow, 'frames' | 'stages' | 'detectionsPerFrame'>, samples: readonly FrameSample[]): BenchRow {
  const pick = (f: (s: FrameSample) => number) => summarize(samples.map(f));
  const captures = samples.flatMap((s) => (s.capture === undefined ? [] : [s.capture]));
  const stages = {
    preprocess: pick((s) => s.preprocess),
    inference: pick((s) => s.inference),
    postprocess: pick((s) => s.postprocess),
    total: pick((s) => s.preprocess + s.inference + s.postprocess + (s.capture ?? 0)),
    ...(captures.length > 0 ? { capture: summarize(captures) } : {}),
  };
  const detectionsPerFrame = samples.length === 0 ? 0 : samples.reduce((a, s) => a + s.detections, 0) / samples.length;
  return { ...meta, frames: samples.length, stages, detectionsPerFrame };
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '-');

/** Plain-text table: one line per row, median / p95 per stage in ms. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['env', 'backend', 'detector', 'frames', 'load', ...STAGES.map((s) => `${s} med/p95`), 'dets', 'leak'];
  const lines = rows.map((r) => [
    r.env,
    r.backend,
    r.detector,
    String(r.frames),
    ms(r.loadMs),
    ...STAGES.map((s) => `${ms(r.stages[s].median)} / ${ms(r.stages[s].p95)}`),
    r.detectionsPerFrame.toFixed(1),
    String(r.numTensorsAfter - r.numTensorsBefore),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
