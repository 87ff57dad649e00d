import type { MotRow } from '../metrics/motFormat.ts';

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
}

export interface JsonExportObject {
  id: number;
  label: string;
  classId: number | null;
  score: number;
  /** [x, y, width, height], source pixels. */
  box: [number, number, number, number];
}

/** JSON export, version 1: frames are 1-based like the MOT file; boxes in source pixels; no masks yet. */
export interface JsonExport {
  format: 'trackscope-tracks';
  version: 1;
  video: JsonExportInput['video'];
  settings: JsonExportInput['settings'];
  tracks: Array<{ id: number; label: string; classId: number | null; firstFrame: number; lastFrame: number; boxes: number }>;
  frames: Array<{ frame: number; objects: JsonExportObject[] }>;
}

/** Builds the JSON export from the same rows as the MOT file, adding each track's class. */
export function buildJsonExport(input: JsonExportInput): JsonExport {
  const frames: JsonExport['frames'] = [];
  const tracks = new Map<number, JsonExport['tracks'][number]>();
  for (const r of input.rows) {
    const cls = input.classes.get(r.id);
    const object: JsonExportObject = { id: r.id, label: cls?.label ?? 'object', classId: cls?.classId ?? null, score: r.conf, box: [r.box[0], r.box[1], r.box[2], r.box[3]] };
    const last = frames[frames.length - 1];
    if (last?.frame === r.frame) last.objects.push(object);
    else frames.push({ frame: r.frame, objects: [object] });
    const t = tracks.get(r.id);
    if (t) {
      t.firstFrame = Math.min(t.firstFrame, r.frame);
      t.lastFrame = Math.max(t.lastFrame, r.frame);
      t.boxes++;
    } else tracks.set(r.id, { id: r.id, label: object.label, classId: object.classId, firstFrame: r.frame, lastFrame: r.frame, boxes: 1 });
  }
  return { format: 'trackscope-tracks', version: 1, video: input.video, settings: input.settings, tracks: [...tracks.values()].sort((a, b) => a.id - b.id), frames };
}
