/**
 * Turns ground-truth and result rows into per-frame inputs shared by the
 * CLEAR, identity and HOTA computations: dense id indices and the IoU matrix
 * between the frame's gt boxes and result boxes.
 */
import type { MotRow } from './motFormat.ts';
import { groupByFrame, unionFrames } from './groupByFrame.ts';
import { iouMatrix } from './boxIou.ts';

export interface FrameInput {
  readonly frame: number;
  /** Dense indices (0..numGtIds-1) of the frame's gt objects. */
  readonly gt: Int32Array;
  /** Dense indices (0..numResIds-1) of the frame's result tracks. */
  readonly res: Int32Array;
  /** IoU, row-major `gt.length x res.length`. */
  readonly iou: Float64Array;
}

export interface SequenceFrames {
  readonly frames: FrameInput[];
  /** Original ids, indexed by dense index. */
  readonly gtIds: number[];
  readonly resIds: number[];
}

class IdIndex {
  readonly ids: number[] = [];
  private readonly index = new Map<number, number>();
  of(id: number): number {
    let k = this.index.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.index.set(id, k);
      this.ids.push(id);
    }
    return k;
  }
}

function denseIds(rows: readonly MotRow[], index: IdIndex, frame: number, what: string): Int32Array {
  const out = new Int32Array(rows.length);
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i].id;
    if (seen.has(id)) throw new Error(`evaluate: ${what} id ${id} appears twice in frame ${frame}`);
    seen.add(id);
    out[i] = index.of(id);
  }
  return out;
}

/** Builds frame inputs over the sorted union of gt and result frames. */
export function buildSequenceFrames(gtRows: readonly MotRow[], resRows: readonly MotRow[]): SequenceFrames {
  const gtByFrame = groupByFrame(gtRows);
  const resByFrame = groupByFrame(resRows);
  const gtIndex = new IdIndex();
  const resIndex = new IdIndex();
  const frames: FrameInput[] = [];
  for (const frame of unionFrames(gtByFrame, resByFrame)) {
    const g = gtByFrame.get(frame) ?? [];
    const r = resByFrame.get(frame) ?? [];
    frames.push({
      frame,
      gt: denseIds(g, gtIndex, frame, 'ground-truth'),
      res: denseIds(r, resIndex, frame, 'result'),
      iou: iouMatrix(
        g.map((row) => row.box),
        r.map((row) => row.box),
      ),
    });
  }
  return { frames, gtIds: gtIndex.ids, resIds: resIndex.ids };
}
