import { PASS_LABELS, type ExplainedTrack, type PassRecord, type TrackerExplanation } from '../../core/tracking';

/** Row label of a track: its id once confirmed, else `t` and its index (tentative tracks have no id yet). */
export const trackLabel = (t: ExplainedTrack): string => (t.confirmed ? `#${t.id}` : `t${t.index}`);

/** Column label of a detection. */
export const detectionLabel = (index: number): string => `d${index}`;

/** Caption of one solved problem: the pass, and the cascade level (detector runs since the tracks' last detection). */
export function passCaption(p: PassRecord): string {
  return p.level === undefined ? PASS_LABELS[p.pass] : `${PASS_LABELS[p.pass]}, level ${p.level}`;
}

/**
 * Every track × every detection: each pair's cost in the first pass that
 * weighed it (Infinity where none did or every one rejected it), and all
 * the update's matches as [row, col].
 */
export function combinedCosts(e: TrackerExplanation): { values: number[]; maxCost: number; matches: Array<[number, number]> } {
  const cols = e.detections.length;
  const values = new Array<number>(e.tracks.length * cols).fill(Infinity);
  const seen = new Uint8Array(values.length);
  const matches: Array<[number, number]> = [];
  let maxCost = 0;
  for (const p of e.passes) {
    maxCost = Math.max(maxCost, p.maxCost);
    p.tracks.forEach((t, r) =>
      p.detections.forEach((d, c) => {
        const k = t * cols + d;
        if (seen[k]) return;
        seen[k] = 1;
        const v = p.cost[r * p.detections.length + c];
        values[k] = v <= p.maxCost ? v : Infinity;
      }),
    );
    matches.push(...p.matches);
  }
  return { values, maxCost: maxCost || 1, matches };
}

/** A pass's matches as [row, col] of its own matrix. */
export const passMatches = (p: PassRecord): Array<[number, number]> =>
  p.matches.map(([t, d]) => [p.tracks.indexOf(t), p.detections.indexOf(d)]);
