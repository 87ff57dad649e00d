import type { MotRow } from '../metrics/motFormat.ts';
import type { MaskRle } from '../segmentation/rle.ts';

/** Per-track facts the JSON export carries besides the boxes. */
export interface TrackClass {
  readonly label: string;
  readonly classId?: number;
}

export interface JsonExportInput {
  readonly video: { fileName: string; width: number; height: number; frameRate: number; frameCount: number };
  readonly settings: { detector: string; every: number; backend: string };
  /** MOT rows (1-based frames, source-pixel boxes), as `MotCollector.rows()` gives them. */
  readonly rows: readonly MotRow[];
  readonly classes: ReadonlyMap<number, TrackClass>;
  /** Person masks by 1-based frame (optional). */
  readonly masks?: ReadonlyMap<number, MaskRle>;
}

export interface JsonExportObject {
  id: number;
  label: string;
  classId: number | null;
  score: number;
  /** [x, y, width, height], source pixels. */
  box: [number, number, number, number];
}

/**
 * JSON export, version 1: frames are 1-based like the MOT file; boxes in
 * source pixels. A frame may carry `mask`: the frame's person mask as
 * row-major run lengths (see `MaskRle`); each object's mask is that mask
 * clipped to the object's box.
 */
export interface JsonExport {
  format: 'trackscope-tracks';
  version: 1;
  video: JsonExportInput['video'];
  settings: JsonExportInput['settings'];
  tracks: Array<{ id: number; label: string; classId: number | null; firstFrame: number; lastFrame: number; boxes: number }>;
  frames: Array<{ frame: number; objects: JsonExportObject[]; mask?: MaskRle }>;
}

/** Builds the JSON export from the same rows as the MOT file, adding each track's class. */
export function buildJsonExport(input: JsonExportInput): JsonExport {
  const frames: JsonExport['frames'] = [];
  const tracks = new Map<number, JsonExport['tracks'][number]>();
  for (const r of input.rows) {
    const cls = input.classes.get(r.id);
    const object: JsonExportObject = {
      id: r.id,
      label: cls?.label ?? 'object',
      classId: cls?.classId ?? null,
      score: r.conf,
      box: [r.box[0], r.box[1], r.box[2], r.box[3]],
    };
    const last = frames[frames.length - 1];
    if (last?.frame === r.frame) last.objects.push(object);
    else {
      const mask = input.masks?.get(r.frame);
      frames.push(mask ? { frame: r.frame, objects: [object], mask } : { frame: r.frame, objects: [object] });
    }
    const t = tracks.get(r.id);
    if (t) {
      t.firstFrame = Math.min(t.firstFrame, r.frame);
      t.lastFrame = Math.max(t.lastFrame, r.frame);
      t.boxes++;
    } else tracks.set(r.id, { id: r.id, label: object.label, classId: object.classId, firstFrame: r.frame, lastFrame: r.frame, boxes: 1 });
  }
  return {
    format: 'trackscope-tracks',
    version: 1,
    video: input.video,
    settings: input.settings,
    tracks: [...tracks.values()].sort((a, b) => a.id - b.id),
    frames,
  };
}
