import { ResultsCollector, serializeResults, type TrackscopeResults } from '../../core/export';
import { formatMot, type MotRow } from '../../core/metrics';
import type { VideoMetadata } from '../../browser/video';
import { FrameAnnotations } from './annotations';
import type { ProcessedFrame } from './protocol';
import type { MaskRle } from '../../core/segmentation';

export interface TrackSummary {
  readonly id: number;
  readonly label: string;
  /** 0-based frame indices of the first and last box. */
  readonly firstFrame: number;
  readonly lastFrame: number;
  /** Frames with a box. */
  readonly length: number;
}

export interface RunSettings {
  readonly detector: string;
  readonly backend: string;
  readonly every: number;
  /** Offline refinement of the online tracks (src/core/refine): on for uploads, as in `npm run track`. */
  readonly refine: boolean;
}

/**
 * Everything one processing run produced, framework-free. Boxes shown on
 * any frame are the MOT rows (`ResultsCollector`, including the boxes tracks
 * report late), so what the user scrubs through is exactly what is exported,
 * and the exports are the CLI's bytes for the same frames.
 */
export class ResultStore {
  readonly #collector = new ResultsCollector();
  readonly #timestamps: number[] = [];
  readonly thumbs = new Map<number, string>();
  #rows: MotRow[] | null = null;
  #annotations: FrameAnnotations | null = null;
  #tracks: TrackSummary[] | null = null;

  constructor(
    readonly file: File,
    readonly metadata: VideoMetadata,
    readonly settings: RunSettings,
  ) {}

  /** Frames processed so far (0..n-1 are all present: the worker never skips one). */
  get frameCount(): number {
    return this.#timestamps.length;
  }

  add(frames: readonly ProcessedFrame[]): void {
    for (const f of frames) {
      this.#timestamps[f.index] = f.timestampUs;
      this.#collector.add(f);
      for (const [id, sum] of f.embeddingSums ?? []) this.#collector.embeddings.set(id, sum);
    }
    this.#rows = this.#annotations = this.#tracks = null;
  }

  addThumb(id: number, image: Blob): void {
    this.thumbs.set(id, URL.createObjectURL(image));
  }

  timestampUs(index: number): number {
    return this.#timestamps[index] ?? 0;
  }

  /** MOT rows, 1-based frames, sorted by frame then id; refined offline when `settings.refine`. */
  rows(): MotRow[] {
    return (this.#rows ??= this.#collector.refinedRows(this.metadata.frameRate.fps, this.settings.refine ? {} : null));
  }

  labelOf(id: number): string {
    return this.#collector.classes().get(id)?.label ?? 'object';
  }

  /** Person masks by 0-based frame (for the export worker). */
  masks(): Map<number, MaskRle> {
    return new Map(this.#collector.masks());
  }

  /** Track labels by id (for the export worker). */
  labels(): Map<number, string> {
    return new Map([...this.#collector.classes()].map(([id, c]) => [id, c.label]));
  }

  /** Boxes, tags and trails per frame, from the same rows as the MOT export. */
  annotations(): FrameAnnotations {
    return (this.#annotations ??= new FrameAnnotations(this.rows(), this.labels(), this.#collector.masks(), this.settings.every));
  }

  tracks(): TrackSummary[] {
    if (this.#tracks) return this.#tracks;
    const byId = new Map<number, { id: number; label: string; firstFrame: number; lastFrame: number; length: number }>();
    for (const r of this.rows()) {
      const f = r.frame - 1;
      const t = byId.get(r.id);
      if (t) {
        t.firstFrame = Math.min(t.firstFrame, f);
        t.lastFrame = Math.max(t.lastFrame, f);
        t.length++;
      } else byId.set(r.id, { id: r.id, label: this.labelOf(r.id), firstFrame: f, lastFrame: f, length: 1 });
    }
    return (this.#tracks = [...byId.values()].sort((a, b) => a.firstFrame - b.firstFrame || a.id - b.id));
  }

  /** 0-based index of the earliest frame with a box (0 when no frame has one). */
  firstTrackedFrame(): number {
    return (this.rows()[0]?.frame ?? 1) - 1;
  }

  toMot(): string {
    return formatMot(this.rows());
  }

  toJson(): TrackscopeResults {
    const m = this.metadata;
    const { detector, every, backend, refine } = this.settings;
    return this.#collector.toJson(
      { fileName: m.fileName, width: m.width, height: m.height, frameRate: m.frameRate.fps },
      { detector, every, backend, refine },
      this.rows(),
    );
  }

  /** The JSON export's bytes (the CLI's `--json` gives the same for the same frames). */
  toJsonText(): string {
    return serializeResults(this.toJson());
  }

  /** One row per box, with class and custom label, for spreadsheets. */
  toCsv(): string {
    return this.#collector.toCsv(this.rows());
  }

  /** Releases thumbnail URLs. */
  dispose(): void {
    for (const url of this.thumbs.values()) URL.revokeObjectURL(url);
    this.thumbs.clear();
  }
}
