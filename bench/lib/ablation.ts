/**
 * Config variants for `npm run bench:tracker -- --ablation`: a SORT-like
 * baseline, then each improvement added in turn (cumulative), then the
 * default with each one removed (leave-one-out).
 */
import type { RunOptions } from '../../src/node/motSequence.ts';
import { DEFAULT_TIME_SETTINGS } from '../../src/core/tracking/index.ts';

export interface Variant {
  readonly name: string;
  readonly options: RunOptions;
}

/** SORT (abewley/sort): IoU only, every detection, max_age 1, nothing reported before min_hits. */
const SORT_LIKE: RunOptions = {
  config: {
    highScoreThreshold: 0.5,
    newTrackScoreThreshold: 0.5,
    secondPass: false,
    cascade: false,
    mahalanobisGate: false,
    recoveryPass: false,
  },
  time: { maxAgeSeconds: 0, gapFillSeconds: 0 },
  backfill: false,
};

type Step = { readonly name: string; readonly apply: (o: RunOptions) => RunOptions };

const withConfig = (o: RunOptions, config: RunOptions['config']): RunOptions => ({ ...o, config: { ...o.config, ...config } });
const withTime = (o: RunOptions, time: RunOptions['time']): RunOptions => ({ ...o, time: { ...o.time, ...time } });

const STEPS: Step[] = [
  { name: 'score split 0.9', apply: (o) => withConfig(o, { highScoreThreshold: 0.9, newTrackScoreThreshold: 0.9 }) },
  { name: 'ByteTrack 2nd pass', apply: (o) => withConfig(o, { secondPass: true }) },
  { name: 'tentative back-fill', apply: (o) => ({ ...o, backfill: true }) },
  { name: 'maxAge 1 s', apply: (o) => withTime(o, { maxAgeSeconds: DEFAULT_TIME_SETTINGS.maxAgeSeconds }) },
  { name: 'cascade', apply: (o) => withConfig(o, { cascade: true }) },
  { name: 'Mahalanobis gate', apply: (o) => withConfig(o, { mahalanobisGate: true }) },
  { name: 'recovery pass', apply: (o) => withConfig(o, { recoveryPass: true }) },
  { name: 'gap fill 0.5 s', apply: (o) => withTime(o, { gapFillSeconds: DEFAULT_TIME_SETTINGS.gapFillSeconds }) },
];

/** Undo one step on the default config. */
const REMOVALS: Step[] = [
  { name: '- score split', apply: (o) => withConfig(o, { highScoreThreshold: 0.5, newTrackScoreThreshold: 0.5 }) },
  { name: '- 2nd pass', apply: (o) => withConfig(o, { secondPass: false }) },
  { name: '- back-fill', apply: (o) => ({ ...o, backfill: false }) },
  { name: '- maxAge (1 frame)', apply: (o) => withTime(o, { maxAgeSeconds: 0 }) },
  { name: '- cascade', apply: (o) => withConfig(o, { cascade: false }) },
  { name: '- Mahalanobis gate', apply: (o) => withConfig(o, { mahalanobisGate: false }) },
  { name: '- recovery pass', apply: (o) => withConfig(o, { recoveryPass: false }) },
  { name: '- gap fill', apply: (o) => withTime(o, { gapFillSeconds: 0 }) },
  { name: 'output detection box', apply: (o) => withConfig(o, { outputBox: 'detection' }) },
];

export function ablationVariants(): Variant[] {
  const out: Variant[] = [{ name: 'SORT-like baseline', options: SORT_LIKE }];
  let current = SORT_LIKE;
  for (const step of STEPS) {
    current = step.apply(current);
    out.push({ name: `+ ${step.name}`, options: current });
  }
  const defaults: RunOptions = { config: {}, time: DEFAULT_TIME_SETTINGS, backfill: true };
  out.push({ name: 'default', options: defaults });
  for (const r of REMOVALS) out.push({ name: r.name, options: r.apply(defaults) });
  return out;
}
