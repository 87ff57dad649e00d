/**
 * Oracle rows for `npm run bench:tracker -- --headroom`: the default tracker
 * with offline refinement, then its rows relabelled by oracles that read the
 * ground truth (`src/core/metrics/headroom.ts`). They bound what better
 * linking or switch detection could gain; they are not trackers.
 */
import { combine, type MotMetrics } from '../../src/core/metrics/index.ts';
import { oracleLink, oracleSplit } from '../../src/core/metrics/headroom.ts';
import type { MotRow } from '../../src/core/metrics/index.ts';
import { refineTracks } from '../../src/core/refine/index.ts';
import { runOnSequence, scoreSequence, type MotSequence } from '../../src/node/motSequence.ts';

/** A switch counts when the track stays on the new person for this many matched frames (shorter ones are noise). */
const MIN_SWITCH_FRAMES = 10;

const ORACLES: ReadonlyArray<{ name: string; apply: (rows: MotRow[], gt: readonly MotRow[]) => MotRow[] }> = [
  { name: 'refined (default)', apply: (rows) => rows },
  { name: 'oracle: perfect linking', apply: (rows, gt) => oracleLink(rows, gt) },
  { name: 'oracle: perfect splitting', apply: (rows, gt) => oracleSplit(rows, gt, MIN_SWITCH_FRAMES) },
  { name: 'oracle: split, then link', apply: (rows, gt) => oracleLink(oracleSplit(rows, gt, MIN_SWITCH_FRAMES), gt) },
];

export function headroomRows(seqs: readonly MotSequence[]): Array<{ name: string; m: MotMetrics }> {
  const refined = seqs.map((s) => refineTracks(runOnSequence(s).rows, s.frameRate));
  // The oracles match against the ground truth that is scored: conf 0 rows are dropped (MOT15 protocol).
  const gt = seqs.map((s) => s.gt.filter((g) => g.conf !== 0));
  return ORACLES.map((o) => ({ name: o.name, m: combine(seqs.map((s, k) => scoreSequence(s, o.apply(refined[k], gt[k])))) }));
}
