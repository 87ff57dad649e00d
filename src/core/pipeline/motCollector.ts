import type { MotRow } from '../metrics/motFormat.ts';
import type { FrameResult } from './trackingPipeline.ts';

/**
 * Turns pipeline results into MOTChallenge rows (1-based frames), including
 * boxes a track reports late (its tentative phase once confirmed, filled
 * gaps). Used by the video view and the CLI so both export the same rows.
 */
export class MotCollector {
  readonly #rows: MotRow[] = [];

  add(result: Pick<FrameResult, 'index' | 'tracks'>): void {
    for (const t of result.tracks) {
      this.#rows.push({ frame: result.index + 1, id: t.id, box: t.box, conf: t.score });
      for (const b of t.lateBoxes ?? []) this.#rows.push({ frame: b.frame + 1, id: t.id, box: b.box, conf: t.score });
    }
  }

  /** Rows sorted by frame, then id. */
  rows(): MotRow[] {
    return [...this.#rows].sort((a, b) => a.frame - b.frame || a.id - b.id);
  }
}
