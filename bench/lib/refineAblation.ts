/**
 * Offline refinement rows for `npm run bench:tracker -- --ablation`: the
 * default online tracker, then its rows refined by each step of
 * `src/core/refine` in turn. MOT15 det.txt has no embeddings, so linking
 * (which needs appearance by default) is a no-op here; the last row forces
 * it on motion alone to show why it needs appearance.
 */
import { combine } from '../../src/core/metrics/index.ts';
import type { MotMetrics } from '../../src/core/metrics/index.ts';
import { refineTracks, type RefineConfig } from '../../src/core/refine/index.ts';
import { runOnSequence, scoreSequence, type MotSequence } from '../../src/node/motSequence.ts';

const OFF: Partial<RefineConfig> = { link: false, interpolate: false, smooth: false };

export const REFINE_VARIANTS: ReadonlyArray<{ name: string; config: Partial<RefineConfig> | null }> = [
  { name: 'online only (default)', config: null },
  { name: '+ link (needs appearance)', config: { ...OFF, link: true } },
  { name: '+ interpolate gaps', config: { ...OFF, link: true, interpolate: true } },
  { name: '+ smooth (GSI) = refined', config: {} },
  { name: 'refined - smooth', config: { smooth: false } },
  { name: 'link on motion alone', config: { ...OFF, link: true, linkRequiresAppearance: false } },
];

/** Overall metrics of the default tracker over `seqs` with each refinement variant. */
export function refineAblation(seqs: readonly MotSequence[]): Array<{ name: string; m: MotMetrics }> {
  const online = seqs.map((s) => runOnSequence(s).rows);
  return REFINE_VARIANTS.map((v) => ({
    name: v.name,
    m: combine(seqs.map((s, k) => scoreSequence(s, v.config ? refineTracks(online[k], s.frameRate, { config: v.config }) : online[k]))),
  }));
}
