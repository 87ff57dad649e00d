/**
 * Soak samples: the CSV layout written by `npm run soak` and the soak test,
 * read back by `npm run audit:report`, and the summary both print. Plain
 * TypeScript, no browser.
 */
export interface SoakSample {
  /** Camera frames seen by the live loop (LiveStats.framesSeen). */
  frame: number;
  elapsedS: number;
  framesProcessed: number;
  /** Worker `tf.memory()`. */
  tensors: number;
  bytes: number;
  /** Used JS heap after a forced GC, bytes (NaN when unavailable). */
  pageHeap: number;
  workerHeap: number;
  /** Camera frames per second over the interval since the previous sample. */
  fps: number;
  trackedFps: number;
  detectFps: number;
}

const COLUMNS = [
  'frame',
  'elapsed_s',
  'frames_processed',
  'tensors',
  'bytes',
  'page_heap',
  'worker_heap',
  'fps',
  'tracked_fps',
  'detect_fps',
] as const;
const KEYS: Array<keyof SoakSample> = [
  'frame',
  'elapsedS',
  'framesProcessed',
  'tensors',
  'bytes',
  'pageHeap',
  'workerHeap',
  'fps',
  'trackedFps',
  'detectFps',
];

export function formatSoakCsv(samples: readonly SoakSample[]): string {
  const rows = samples.map((s) => KEYS.map((k) => (Number.isFinite(s[k]) ? String(Math.round(s[k] * 100) / 100) : '')).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}

export function parseSoakCsv(text: string): SoakSample[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  if (header !== COLUMNS.join(',')) throw new Error(`not a soak CSV: header is "${header}", expected "${COLUMNS.join(',')}"`);
  return lines.map((line) => {
    const cells = line.split(',');
    const sample = {} as Record<keyof SoakSample, number>;
    KEYS.forEach((k, i) => (sample[k] = cells[i] === '' || cells[i] === undefined ? Number.NaN : Number(cells[i])));
    return sample as SoakSample;
  });
}

export interface SoakSummary {
  samples: number;
  frames: number;
  seconds: number;
  tensors: { first: number; last: number; min: number; max: number };
  bytes: { first: number; last: number; min: number; max: number };
  pageHeap: { first: number; last: number; max: number };
  workerHeap: { first: number; last: number; max: number };
  /** Mean camera FPS over the whole run, and the slowest interval. */
  fps: { mean: number; min: number };
  trackedFps: number;
  detectFps: number;
}

const range = (v: number[]) => ({ first: v[0], last: v[v.length - 1], min: Math.min(...v), max: Math.max(...v) });

export function summarizeSoak(samples: readonly SoakSample[]): SoakSummary {
  if (samples.length === 0) throw new Error('no soak samples');
  const last = samples[samples.length - 1];
  const col = (k: keyof SoakSample) => samples.map((s) => s[k]);
  const heap = (k: 'pageHeap' | 'workerHeap') => {
    const r = range(col(k));
    return { first: r.first, last: r.last, max: r.max };
  };
  const fps = col('fps').filter(Number.isFinite);
  const first = samples[0];
  return {
    samples: samples.length,
    frames: last.frame,
    seconds: last.elapsedS,
    tensors: range(col('tensors')),
    bytes: range(col('bytes')),
    pageHeap: heap('pageHeap'),
    workerHeap: heap('workerHeap'),
    fps: { mean: (last.frame - first.frame) / Math.max(1e-9, last.elapsedS - first.elapsedS), min: Math.min(...fps) },
    trackedFps: last.trackedFps,
    detectFps: last.detectFps,
  };
}

const mb = (b: number) => (Number.isFinite(b) ? `${(b / 2 ** 20).toFixed(2)} MiB` : 'n/a');

/** A printable table of the summary. */
export function soakTable(s: SoakSummary): string {
  const rows: Array<[string, string, string, string]> = [
    ['metric', 'first sample', 'last sample', 'min / max'],
    ['tf tensors (worker)', String(s.tensors.first), String(s.tensors.last), `${s.tensors.min} / ${s.tensors.max}`],
    ['tf bytes (worker)', mb(s.bytes.first), mb(s.bytes.last), `${mb(s.bytes.min)} / ${mb(s.bytes.max)}`],
    ['JS heap (page)', mb(s.pageHeap.first), mb(s.pageHeap.last), `max ${mb(s.pageHeap.max)}`],
    ['JS heap (worker)', mb(s.workerHeap.first), mb(s.workerHeap.last), `max ${mb(s.workerHeap.max)}`],
    ['camera FPS', `mean ${s.fps.mean.toFixed(1)}`, '', `slowest interval ${s.fps.min.toFixed(1)}`],
    ['tracked / detect FPS', `${s.trackedFps.toFixed(1)} / ${s.detectFps.toFixed(1)}`, '', ''],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `${s.frames} camera frames in ${s.seconds.toFixed(0)} s, ${s.samples} samples\n${lines.join('\n')}`;
}
