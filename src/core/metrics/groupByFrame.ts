import type { MotRow } from './motFormat.ts';

/** Rows bucketed by frame in one pass; input order is kept within a frame. */
export function groupByFrame(rows: readonly MotRow[]): Map<number, MotRow[]> {
  const byFrame = new Map<number, MotRow[]>();
  for (const row of rows) {
    const bucket = byFrame.get(row.frame);
    if (bucket) bucket.push(row);
    else byFrame.set(row.frame, [row]);
  }
  return byFrame;
}

/** Sorted union of the frame numbers present in any of the groups. */
export function unionFrames(...groups: ReadonlyArray<Map<number, unknown>>): number[] {
  const frames = new Set<number>();
  for (const g of groups) for (const f of g.keys()) frames.add(f);
  return [...frames].sort((a, b) => a - b);
}
