import type { MotRow } from '../metrics/motFormat.ts';
import type { MaskRle } from '../segmentation/rle.ts';
import type { CocoRle } from './cocoRle.ts';
import { maskToCocoRle } from './maskToCoco.ts';

/** Per-track facts the exports carry besides the boxes. */
export interface TrackClass {
  readonly label: string;
  readonly classId?: number;
  /** Latest label from a custom classifier (live view), if one named the track. */
  readonly customLabel?: string;
}

/** The video the results belong to. */
export interface ResultsVideo {
  /** File name without folders. */
  fileName: string;
  width: number;
  height: number;
  frameRate: number;
  /**
   * Frames processed.
   * @asType integer
   * @minimum 0
   */
  frameCount: number;
}

/** The settings the results were made with. */
export interface ResultsSettings {
  detector: string;
  /** The detector ran on every `every`-th frame. */
  every: number;
  /** TF.js backend the detector ran on. */
  backend: string;
  /** Offline refinement (tracklet linking, GSI) was applied to the online tracks. */
  refine: boolean;
  /** `npm run track -- --realtime`: the detector latency replayed, and the cadence the tracker assumed. */
  realtime?: { detectMs: number | 'measured'; expectedDetectMs: number; trackerEvery: number };
}

export interface JsonExportInput {
  readonly video: ResultsVideo;
  readonly settings: ResultsSettings;
  /** MOT rows (1-based frames, source-pixel boxes), as `MotCollector.rows()` gives them. */
  readonly rows: readonly MotRow[];
  readonly classes: ReadonlyMap<number, TrackClass>;
  /** Person masks by 1-based frame (optional): each person's mask is the frame's mask clipped to its box. */
  readonly masks?: ReadonlyMap<number, MaskRle>;
}

export interface ResultsObject {
  /**
   * Track id, stable over the video.
   * @asType integer
   * @minimum 1
   */
  id: number;
  label: string;
  /** COCO class index, or null when unknown. */
  classId: number | null;
  /** Detector score of the track's latest matched detection. */
  score: number;
  /** [x, y, width, height], source pixels. */
  box: [number, number, number, number];
  /** The person's mask on this frame (frames the segmenter ran on), COCO RLE at the video's size. */
  mask?: CocoRle;
}

export interface ResultsTrack {
  id: number;
  label: string;
  classId: number | null;
  /** Label from a custom classifier, when one named the track. */
  customLabel?: string;
  /** 1-based frames of the first and last box. */
  firstFrame: number;
  lastFrame: number;
  /** Frames with a box. */
  boxes: number;
}

export interface ResultsFrame {
  /**
   * 1-based, like the MOTChallenge file.
   * @asType integer
   * @minimum 1
   */
  frame: number;
  objects: ResultsObject[];
}

/**
 * TrackScope results, version 2: the JSON export of the Video view and of
 * `npm run track -- --json`, built by `buildJsonExport` on both sides.
 * Frames are 1-based like the MOT file; boxes are in source pixels; masks
 * are COCO RLE (see `CocoRle`). Schema: docs/trackscope-results.schema.json.
 */
export interface TrackscopeResults {
  format: 'trackscope-results';
  version: 2;
  video: ResultsVideo;
  settings: ResultsSettings;
  /** Sorted by id. */
  tracks: ResultsTrack[];
  /** Frames with at least one object, in order. */
  frames: ResultsFrame[];
}

const PERSON = 'person';

function objectOf(r: MotRow, cls: TrackClass | undefined, mask: MaskRle | undefined): ResultsObject {
  const label = cls?.label ?? 'object';
  const object: ResultsObject = {
    id: r.id,
    label,
    classId: cls?.classId ?? null,
    score: r.conf,
    box: [r.box[0], r.box[1], r.box[2], r.box[3]],
  };
  if (mask && label === PERSON) object.mask = maskToCocoRle(mask, r.box);
  return object;
}

/** Builds the results from the same rows as the MOT file, adding each track's class and each person's mask. */
export function buildJsonExport(input: JsonExportInput): TrackscopeResults {
  const frames: ResultsFrame[] = [];
  const tracks = new Map<number, ResultsTrack>();
  for (const r of input.rows) {
    const cls = input.classes.get(r.id);
    const object = objectOf(r, cls, input.masks?.get(r.frame));
    const last = frames[frames.length - 1];
    if (last?.frame === r.frame) last.objects.push(object);
    else frames.push({ frame: r.frame, objects: [object] });
    const t = tracks.get(r.id);
    if (t) {
      t.firstFrame = Math.min(t.firstFrame, r.frame);
      t.lastFrame = Math.max(t.lastFrame, r.frame);
      t.boxes++;
    } else {
      const custom = cls?.customLabel !== undefined ? { customLabel: cls.customLabel } : {};
      tracks.set(r.id, {
        id: r.id,
        label: object.label,
        classId: object.classId,
        ...custom,
        firstFrame: r.frame,
        lastFrame: r.frame,
        boxes: 1,
      });
    }
  }
  return {
    format: 'trackscope-results',
    version: 2,
    video: { ...input.video },
    settings: { ...input.settings },
    tracks: [...tracks.values()].sort((a, b) => a.id - b.id),
    frames,
  };
}

/** The export's bytes: one place, so the CLI and the app write identical files. */
export function serializeResults(results: TrackscopeResults): string {
  return JSON.stringify(results);
}
