import type { MotRow } from '../metrics/motFormat.ts';
import type { FrameResult } from './trackingPipeline.ts';

/**
 * Turns pipeline results into MOTChallenge rows (1-based frames), including
 * boxes a track reports late (its tentative phase once confirmed, filled
 * gaps). Used by the video view and the CLI so both export the same rows.
 * One row per frame and id: a late box for a frame the track was already
 * reported on (carried there by `outputMaxTimeSinceUpdate`) replaces that
 * row, since it is interpolated between two detections rather than predicted.
 */
export class MotCollector {
  /** Rows by `frame:id`. */
  readonly #rows = new Map<string, MotRow>();

  add(result: Pick<FrameResult, 'index' | 'tracks'>): void {
    for (const t of result.tracks) {
      this.#put({ frame: result.index + 1, id: t.id, box: t.box, conf: t.score });
      for (const b of t.lateBoxes ?? []) this.#put({ frame: b.frame + 1, id: t.id, box: b.box, conf: t.score });
    }
  }

  /** Rows sorted by frame, then id. */
  rows(): MotRow[] {
    return [...this.#rows.values()].sort((a, b) => a.frame - b.frame || a.id - b.id);
  }

  #put(row: MotRow): void {
    this.#rows.set(`${row.frame}:${row.id}`, row);
  }
}
