import type { MotRow } from '../metrics/motFormat.ts';
import { MotCollector } from '../pipeline/motCollector.ts';
import { refineTracks } from '../refine/refineTracks.ts';
import { TrackEmbeddingSums } from '../refine/trackEmbeddings.ts';
import type { RefineConfig } from '../refine/config.ts';
import type { MaskRle } from '../segmentation/rle.ts';
import type { Detection, TrackOutput } from '../tracking/types.ts';
import { formatTracksCsv } from './csvExport.ts';
import { buildJsonExport, type ResultsSettings, type ResultsVideo, type TrackClass, type TrackscopeResults } from './jsonExport.ts';

/** One processed frame as the exports need it: source-pixel tracks, optional person mask. */
export interface CollectedFrame {
  /** Source frame index (0-based). */
  readonly index: number;
  readonly tracks: readonly (TrackOutput & { readonly customLabel?: string })[];
  readonly mask?: MaskRle;
  /** The frame's detections with embeddings (detected frames), for tracklet means in refinement. */
  readonly detections?: readonly Detection[];
  /** False when the detector skipped the frame and its boxes were carried (default true). */
  readonly detected?: boolean;
}

/**
 * Collects a run's frames and builds every export from them: MOT rows, the
 * versioned JSON and the CSV. The Video view and `npm run track` both feed
 * one of these, so their exports are the same bytes for the same frames.
 */
export class ResultsCollector {
  readonly #mot = new MotCollector();
  readonly #classes = new Map<number, TrackClass>();
  /** Person masks by 0-based frame index. */
  readonly #masks = new Map<number, MaskRle>();
  /** Summed detection embeddings per track, for offline linking. */
  readonly embeddings = new TrackEmbeddingSums();
  #frameCount = 0;
  /** 1-based frames the detector ran on. */
  readonly #detected = new Set<number>();

  add(frame: CollectedFrame): void {
    this.#frameCount = Math.max(this.#frameCount, frame.index + 1);
    if (frame.detected !== false) this.#detected.add(frame.index + 1);
    if (frame.mask) this.#masks.set(frame.index, frame.mask);
    for (const t of frame.tracks) {
      const known = this.#classes.get(t.id);
      if (!known || (t.customLabel !== undefined && t.customLabel !== known.customLabel)) {
        const custom = t.customLabel ?? known?.customLabel;
        this.#classes.set(t.id, {
          label: t.label ?? 'object',
          classId: t.classId,
          ...(custom !== undefined ? { customLabel: custom } : {}),
        });
      }
    }
    if (frame.detections) this.embeddings.add(frame.tracks, frame.detections);
    this.#mot.add(frame);
  }

  /** Frames seen (highest index + 1). */
  get frameCount(): number {
    return this.#frameCount;
  }

  /** MOT rows, 1-based frames, sorted by frame then id. */
  rows(): MotRow[] {
    return this.#mot.rows();
  }

  /**
   * The rows after offline refinement (tracklet linking with the embedding
   * sums, gap interpolation, smoothing; `src/core/refine`), or `rows()` when `config` is null.
   */
  refinedRows(frameRate: number, config: Partial<RefineConfig> | null = {}): MotRow[] {
    if (!config) return this.rows();
    return refineTracks(this.rows(), frameRate, { config, embeddings: this.embeddings.map(), detectedFrames: this.#detected });
  }

  classes(): ReadonlyMap<number, TrackClass> {
    return this.#classes;
  }

  /** Person masks by 0-based frame index. */
  masks(): ReadonlyMap<number, MaskRle> {
    return this.#masks;
  }

  /** The versioned JSON export; `rows` defaults to `rows()`. */
  toJson(video: Omit<ResultsVideo, 'frameCount'>, settings: ResultsSettings, rows: readonly MotRow[] = this.rows()): TrackscopeResults {
    return buildJsonExport({
      video: { ...video, frameCount: this.#frameCount },
      settings,
      rows,
      classes: this.#classes,
      masks: new Map([...this.#masks].map(([i, m]) => [i + 1, m])),
    });
  }

  /** The CSV export; `rows` defaults to `rows()`. */
  toCsv(rows: readonly MotRow[] = this.rows()): string {
    return formatTracksCsv(rows, this.#classes);
  }
}
