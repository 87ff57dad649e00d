import type { BackendChoice } from '../../core/backend/select';
import type { DetectorName } from '../../core/detection';
import type { MaskRle } from '../../core/segmentation';
import type { TrackerExplanation, TrackOutput } from '../../core/tracking';
import type { VideoMetadata } from '../../browser/video';
import type { RunFacts, SavedDetectionsEntry } from './savedDetectionsDb';
import type { TrackerSettings } from './trackerSettings';

/** What to process and how: the same knobs `npm run track` takes. */
export interface ProcessRequest {
  file: File;
  backend: BackendChoice;
  detector: DetectorName;
  /** Detect on every k-th frame (1 = every frame); the motion model carries the rest. */
  every: number;
  modelBaseUrl: string;
  appBaseUrl: string;
  /** The user's tracker settings, over the detector's preset. */
  tracker: TrackerSettings;
  /** Keep the detection cache in IndexedDB when the run completes (`savedDetectionsDb.ts`). */
  persist: boolean;
}

/**
 * Re-run tracking over the detection cache of the last processed video, with
 * new tracker settings; `detections` (a cache file or a MOTChallenge det.txt
 * for that video) replaces the cache first.
 */
export interface RetrackRequest {
  /** Absent: the cache detector's defaults (a newly loaded file starts from them). */
  tracker?: TrackerSettings;
  detections?: File;
}

/**
 * Re-track `file` from the detection cache saved in IndexedDB under `key`
 * (after a reload, say): the file is opened for its metadata and pixels, the
 * detector is not loaded.
 */
export interface RestoreRequest {
  file: File;
  key: string;
  tracker?: TrackerSettings;
}

/** Where the replayed detections come from, sent when a re-track starts. */
export interface ReplayInfo {
  /** Detector that found the boxes (`centernet`, `coco-ssd`, or `det.txt`). */
  detector: string;
  appearance: string;
  /** Frames replayed (the video's) and frames with recorded detections. */
  frames: number;
  detectedFrames: number;
  /** Name of the loaded cache file, when the cache did not come from this session's run. */
  loadedFrom?: string;
  /** A restore from IndexedDB: the opened video, and the saved entry it replays. */
  restored?: { metadata: VideoMetadata; entry: SavedDetectionsEntry };
}

/** Whether a finished run's cache was kept in IndexedDB. A failure leaves the in-memory cache working. */
export type SaveOutcome = { ok: true; entry: SavedDetectionsEntry } | { ok: false; message: string };

/** Worker facts for tests and the run summary. */
export interface WorkerStats {
  /** Calls of the loaded detector since the worker started (a re-track adds none). */
  detectCalls: number;
  /** The worker's `tf.memory().numTensors` after the run. */
  numTensors: number;
  /** Detected frames in the detection cache. */
  cachedFrames: number;
}

/** One processed frame as the page stores it. Boxes are in source pixels. */
export interface ProcessedFrame {
  index: number;
  timestampUs: number;
  detected: boolean;
  tracks: TrackOutput[];
  /** Person mask of the frame (detected frames), run-length encoded; a track's mask is it clipped to the track's box. */
  mask?: MaskRle;
  /**
   * Summed detection embeddings of the tracks updated since the last batch
   * (`TrackEmbeddingSums`), on a batch's last frame only: tracklet means for
   * offline linking, without sending every frame's embeddings to the page.
   */
  embeddingSums?: Array<[id: number, sum: Float32Array]>;
}

/** A small crop of a track, taken on the frame it first appeared. */
export interface TrackThumb {
  id: number;
  image: Blob;
}

export type VideoRequest =
  | ({ type: 'start'; runId: number } & ProcessRequest)
  | ({ type: 'retrack'; runId: number } & RetrackRequest)
  | ({ type: 'restore'; runId: number } & RestoreRequest)
  | { type: 'save-detections'; requestId: number }
  | { type: 'explain'; requestId: number; frame: number; tracker?: TrackerSettings }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

/** A run's opened video and how it is processed (a restore rebuilds it from the saved entry: `savedOpenedInfo`). */
export interface OpenedInfo extends RunFacts {
  metadata: VideoMetadata;
  /** Frames expected: the container's count, or duration × fps when it has none. */
  expectedFrames: number;
  expectedIsEstimate: boolean;
}

/** Every response names its run, so late messages of a replaced run are dropped. */
export type VideoResponse = { runId: number } & (
  | ({ type: 'opened' } & OpenedInfo)
  | ({ type: 'replay' } & ReplayInfo)
  | ({ type: 'saved' } & SaveOutcome)
  | { type: 'batch'; frames: ProcessedFrame[]; thumbs: TrackThumb[]; framesDone: number; elapsedMs: number }
  | { type: 'done'; cancelled: boolean; framesDone: number; elapsedMs: number; stats: WorkerStats }
  | { type: 'error'; name: string; message: string; framesDone: number }
);

/** What the tracker did on one frame (the explained frame: the latest detected one at or before the asked one). */
export type ExplainReply = { frame: number; explanation: TrackerExplanation } | { error: string };

/** Answers to one-off requests, by request id (they do not belong to a run). */
export type VideoReply = { requestId: number } &
  /** The cache as the CLI's JSON, or null when there is none. */
  ({ type: 'detections-file'; text: string | null } | ({ type: 'explanation' } & ExplainReply));
