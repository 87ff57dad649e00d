/**
 * Config variants for `npm run bench:tracker -- --ablation`: a SORT-like
 * baseline, then each improvement added in turn (cumulative), then the
 * default with each one removed (leave-one-out).
 */
import type { RunOptions } from '../../src/node/motSequence.ts';
import { DEFAULT_TRACKER_CONFIG } from '../../src/core/tracking/index.ts';

export interface Variant {
  readonly name: string;
  readonly options: RunOptions;
}

/** An nInit no track reaches: confirmation needs 3 consecutive detector-run hits (SORT, deep_sort). */
const NO_EARLY_CONFIRMATION = 86_400;

/** SORT (abewley/sort): IoU only, every detection, max_age 1, nothing reported before min_hits. */
const SORT_LIKE: RunOptions = {
  config: {
    highScoreThreshold: 0.5,
    newTrackScoreThreshold: 0.5,
    secondPass: false,
    cascade: false,
    mahalanobisGate: false,
    recoveryPass: false,
    maxAge: 0,
    gapFill: 0,
    iouBufferPerSecond: 0,
    nInit: NO_EARLY_CONFIRMATION,
  },
  backfill: false,
};

type Step = { readonly name: string; readonly apply: (o: RunOptions) => RunOptions };

const withConfig = (o: RunOptions, config: RunOptions['config']): RunOptions => ({ ...o, config: { ...o.config, ...config } });

const STEPS: Step[] = [
  { name: 'score split 0.9', apply: (o) => withConfig(o, { highScoreThreshold: 0.9, newTrackScoreThreshold: 0.9 }) },
  { name: 'ByteTrack 2nd pass', apply: (o) => withConfig(o, { secondPass: true }) },
  { name: 'tentative back-fill', apply: (o) => ({ ...o, backfill: true }) },
  { name: 'maxAge 1 s', apply: (o) => withConfig(o, { maxAge: DEFAULT_TRACKER_CONFIG.maxAge }) },
  { name: 'cascade', apply: (o) => withConfig(o, { cascade: true }) },
  { name: 'Mahalanobis gate', apply: (o) => withConfig(o, { mahalanobisGate: true }) },
  { name: 'recovery pass', apply: (o) => withConfig(o, { recoveryPass: true }) },
  { name: 'gap fill 0.5 s', apply: (o) => withConfig(o, { gapFill: DEFAULT_TRACKER_CONFIG.gapFill }) },
  { name: 'buffered IoU (C-BIoU)', apply: (o) => withConfig(o, { iouBufferPerSecond: DEFAULT_TRACKER_CONFIG.iouBufferPerSecond }) },
  { name: '2 hits over nInit 0.2 s', apply: (o) => withConfig(o, { nInit: DEFAULT_TRACKER_CONFIG.nInit }) },
];

/** Undo one step on the default config. */
const REMOVALS: Step[] = [
  { name: '- score split', apply: (o) => withConfig(o, { highScoreThreshold: 0.5, newTrackScoreThreshold: 0.5 }) },
  { name: '- 2nd pass', apply: (o) => withConfig(o, { secondPass: false }) },
  { name: '- back-fill', apply: (o) => ({ ...o, backfill: false }) },
  { name: '- maxAge (0 s)', apply: (o) => withConfig(o, { maxAge: 0 }) },
  { name: '- cascade', apply: (o) => withConfig(o, { cascade: false }) },
  { name: '- Mahalanobis gate', apply: (o) => withConfig(o, { mahalanobisGate: false }) },
  { name: '- recovery pass', apply: (o) => withConfig(o, { recoveryPass: false }) },
  { name: '- gap fill', apply: (o) => withConfig(o, { gapFill: 0 }) },
  { name: '- buffered IoU', apply: (o) => withConfig(o, { iouBufferPerSecond: 0 }) },
  { name: '- 2-hit confirmation', apply: (o) => withConfig(o, { nInit: NO_EARLY_CONFIRMATION }) },
  { name: 'output detection box', apply: (o) => withConfig(o, { outputBox: 'detection' }) },
];

export function ablationVariants(): Variant[] {
  const out: Variant[] = [{ name: 'SORT-like baseline', options: SORT_LIKE }];
  let current = SORT_LIKE;
  for (const step of STEPS) {
    current = step.apply(current);
    out.push({ name: `+ ${step.name}`, options: current });
  }
  const defaults: RunOptions = { config: {}, backfill: true };
  out.push({ name: 'default', options: defaults });
  for (const r of REMOVALS) out.push({ name: r.name, options: r.apply(defaults) });
  return out;
}
