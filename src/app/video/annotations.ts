import { groupByFrame, type MotRow } from '../../core/metrics';
import type { Drawable } from '../render/overlay';

/** How many past frames a trail reaches back. */
export const TRAIL_FRAMES = 30;

/**
 * Per-frame drawables (box, `label #id score`, trail) from MOT rows, shared
 * by the results canvas and the annotated-video export so both draw the same.
 * Frames here are 0-based indices; rows carry 1-based MOT frames.
 */
export class FrameAnnotations {
  readonly #byFrame: Map<number, MotRow[]>;

  constructor(
    rows: readonly MotRow[],
    readonly labels: ReadonlyMap<number, string>,
  ) {
    this.#byFrame = groupByFrame(rows);
  }

  rowsAt(index: number): readonly MotRow[] {
    return this.#byFrame.get(index + 1) ?? [];
  }

  /** Box centres of track `id` over the `length` frames up to `index`, oldest first. */
  trail(id: number, index: number, length = TRAIL_FRAMES): Array<readonly [number, number]> {
    const points: Array<readonly [number, number]> = [];
    for (let i = Math.max(0, index - length + 1); i <= index; i++) {
      const r = this.rowsAt(i).find((row) => row.id === id);
      if (r) points.push([r.box[0] + r.box[2] / 2, r.box[1] + r.box[3] / 2]);
    }
    return points;
  }

  drawables(index: number, showScores = true): Drawable[] {
    return this.rowsAt(index).map((r) => ({
      box: r.box,
      key: r.id,
      text: `${this.labels.get(r.id) ?? 'object'} #${r.id}${showScores ? ` ${(r.conf * 100).toFixed(0)}%` : ''}`,
      trail: this.trail(r.id, index),
    }));
  }
}
