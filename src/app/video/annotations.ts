import { groupByFrame, type MotRow } from '../../core/metrics';
import { decodeMaskRle, type MaskRle } from '../../core/segmentation';
import { drawTrackMasks } from '../render/masks';
import { drawOverlay, type Drawable } from '../render/overlay';

const OVERLAY = { showBoxes: true, showLabels: true, showScores: true, showTrails: true };
const MASK_OPACITY = 0.45;

/** A 2D context of a page canvas or an OffscreenCanvas (the export worker). */
type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** How many past frames a trail reaches back. */
export const TRAIL_FRAMES = 30;

/**
 * Per-frame drawables (mask, box, `label #id score`, trail) from MOT rows and
 * person masks, shared by the results canvas and the annotated-video export
 * so both draw the same. Frames here are 0-based indices; rows carry 1-based
 * MOT frames.
 */
export class FrameAnnotations {
  readonly #byFrame: Map<number, MotRow[]>;

  constructor(
    rows: readonly MotRow[],
    readonly labels: ReadonlyMap<number, string>,
    /** Person masks by 0-based frame (detected frames only). */
    readonly masks: ReadonlyMap<number, MaskRle> = new Map(),
    /** Detection cadence: a carried frame shows the last detected frame's mask. */
    readonly every = 1,
  ) {
    this.#byFrame = groupByFrame(rows);
  }

  /** The person mask for frame `index`: its own, or the last detected frame's within `every` frames. */
  maskAt(index: number): MaskRle | undefined {
    for (let i = index; i >= 0 && i > index - this.every; i--) {
      const m = this.masks.get(i);
      if (m) return m;
    }
    return undefined;
  }

  /** Draws frame `index`'s masks, boxes, tags and trails; returns how many track masks were painted. */
  draw(ctx: Ctx2D, index: number): number {
    const rle = this.maskAt(index);
    const c = ctx as CanvasRenderingContext2D;
    const painted = rle ? drawTrackMasks(c, decodeMaskRle(rle), this.rowsAt(index), MASK_OPACITY) : 0;
    drawOverlay(c, this.drawables(index), OVERLAY);
    return painted;
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
