import { iouTlwh, type Tlwh } from '../geometry/boxes.ts';
import type { MotRow } from '../metrics/motFormat.ts';
import type { Detection } from '../tracking/types.ts';

/** A track's box and a detection are the same observation when they overlap at least this much (MOTChallenge's match IoU). */
export const SAME_OBSERVATION_IOU = 0.5;

/**
 * Summed appearance embeddings per track id, for tracklet means in offline
 * linking: on each frame, every track takes the embedding of the detection
 * that overlaps it most (IoU ≥ 0.5). It needs only boxes and detections, not
 * the tracker's internals, so a worker can keep the sums and send them on.
 */
export class TrackEmbeddingSums {
  readonly #sums = new Map<number, Float32Array>();

  /** Adds one frame (tracks and detections in the same pixels); returns the ids whose sums changed. */
  add(tracks: readonly { readonly id: number; readonly box: Tlwh }[], detections: readonly Detection[]): number[] {
    const touched: number[] = [];
    for (const t of tracks) {
      let best: Float32Array | undefined;
      let bestIou = SAME_OBSERVATION_IOU;
      for (const d of detections) {
        if (!d.embedding) continue;
        const iou = iouTlwh(t.box, d.box);
        if (iou >= bestIou) [best, bestIou] = [d.embedding, iou];
      }
      if (!best) continue;
      const sum = this.#sums.get(t.id);
      if (sum) for (let k = 0; k < sum.length; k++) sum[k] += best[k];
      else this.#sums.set(t.id, Float32Array.from(best));
      touched.push(t.id);
    }
    return touched;
  }

  /** Replaces one id's sum (sums computed elsewhere, e.g. in a worker). */
  set(id: number, sum: Float32Array): void {
    this.#sums.set(id, sum);
  }

  get(id: number): Float32Array | undefined {
    return this.#sums.get(id);
  }

  map(): ReadonlyMap<number, Float32Array> {
    return this.#sums;
  }
}

/** Sums for MOT rows (1-based frames) against `detectionsAt(frame)`, frame by frame. */
export function trackEmbeddings(
  rows: readonly MotRow[],
  detectionsAt: (frame: number) => readonly Detection[] | undefined,
): Map<number, Float32Array> {
  const sums = new TrackEmbeddingSums();
  const byFrame = new Map<number, MotRow[]>();
  for (const r of rows) (byFrame.get(r.frame) ?? byFrame.set(r.frame, []).get(r.frame)!).push(r);
  for (const [frame, list] of byFrame) sums.add(list, detectionsAt(frame) ?? []);
  return new Map(sums.map());
}
