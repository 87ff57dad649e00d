import { VideoClient } from '../engine/videoClient';
import { exposeVideoWorkerStats } from '../testHooks';
import type { RunCallbacks } from '../engine/videoClient';
import type {
  ExplainReply,
  OpenedInfo,
  ProcessedFrame,
  ProcessRequest,
  ReplayInfo,
  SaveOutcome,
  TrackThumb,
  WorkerStats,
} from './protocol';
import { ResultStore, type RunSettings } from './resultStore';
import { RunProgress } from './runProgress.svelte';
import type { SavedDetectionsEntry } from './savedDetectionsDb';
import { savedOpenedInfo } from './savedOpenedInfo';
import type { TrackerSettings } from './trackerSettings';

export type RunStatus = 'idle' | 'opening' | 'running' | 'paused' | 'retracking';

/** The worker's knobs (backend, detector, cadence, tracker, persist), and whether to refine the tracks offline (linking, interpolation). */
export type RunOptions = Omit<ProcessRequest, 'file' | 'modelBaseUrl' | 'appBaseUrl'> & { refine: boolean };

export interface RunError {
  /** Error class from the decode layer (NotAVideoError, CorruptVideoError, …) or the worker. */
  name: string;
  message: string;
  fileName: string;
}

/**
 * One uploaded-video run at a time, as UI state. The results on screen
 * (`results`) change only when a run finishes or is cancelled: a bad file,
 * or one that fails halfway, leaves the earlier results untouched.
 */
export class VideoSession {
  status = $state<RunStatus>('idle');
  /** The run in progress (or the last one): file facts and inference size. */
  opened = $state.raw<OpenedInfo | null>(null);
  fileName = $state<string | null>(null);
  /** Frames done, time, fps, ETA and the progress bar's fraction of the run in progress (or the last one). */
  readonly progress = new RunProgress(() => this.#total);
  error = $state.raw<RunError | null>(null);
  notice = $state<string | null>(null);
  results = $state.raw<ResultStore | null>(null);
  /** Bumped whenever `results` gains frames or is replaced (for derived views). */
  revision = $state(0);
  /** What produced the results on screen: a detector run, or a re-track of its cached detections. */
  lastRun = $state<'process' | 'retrack' | null>(null);
  /** The cache the latest re-track replayed. */
  replay = $state.raw<ReplayInfo | null>(null);
  /** The worker's counters after its latest run. */
  workerStats = $state.raw<WorkerStats | null>(null);

  #client: VideoClient | null = null;
  #pending: ResultStore | null = null;

  /** Told whether a completed run's cache was kept in IndexedDB (`RunOptions.persist`). */
  readonly #onSaved: (outcome: SaveOutcome) => void;

  constructor(onSaved: (outcome: SaveOutcome) => void = () => {}) {
    this.#onSaved = onSaved;
    exposeVideoWorkerStats(() => this.workerStats);
  }

  /** A re-track can run: results are shown and the worker holds their detections. */
  get canRetrack(): boolean {
    return this.status === 'idle' && this.results !== null && (this.workerStats?.cachedFrames ?? 0) > 0;
  }

  /** Frames the run in progress will produce. */
  get #total(): number {
    return (this.status === 'retracking' ? this.replay?.frames : this.opened?.expectedFrames) ?? 0;
  }

  get busy(): boolean {
    return this.status !== 'idle';
  }

  start(file: File, options: RunOptions): void {
    this.#client ??= new VideoClient();
    this.#pending = null;
    this.status = 'opening';
    this.opened = null;
    this.fileName = file.name;
    this.progress.reset();
    this.error = null;
    this.notice = null;
    const base = new URL(import.meta.env.BASE_URL, location.href).href;
    const { refine, ...processOptions } = options;
    const request = { file, ...processOptions, modelBaseUrl: new URL('models/', base).href, appBaseUrl: base };
    this.#client.start(request, {
      onOpened: (info) => {
        this.opened = info;
        this.status = 'running';
        this.#pending = new ResultStore(file, info.metadata, {
          detector: info.detector,
          backend: info.backend.name,
          every: options.every,
          refine,
        });
      },
      onSaved: (outcome) => {
        if (!outcome.ok) this.notice = outcome.message;
        this.#onSaved(outcome);
      },
      onBatch: (frames, thumbs, done, elapsed) => this.#onBatch(frames, thumbs, done, elapsed),
      onDone: (cancelled, done, elapsed, stats) => {
        this.#finish(done, elapsed, stats);
        if (cancelled) this.notice = `Cancelled after ${done} frames; the results so far are kept.`;
        if (this.#pending && this.#pending.frameCount > 0) this.#show(this.#pending, 'process');
        else if (cancelled) this.notice = 'Cancelled before any frame was processed; earlier results are kept.';
        this.#pending = null;
      },
      onError: (name, message) => {
        this.status = 'idle';
        this.error = { name, message, fileName: file.name };
        this.#pending?.dispose();
        this.#pending = null;
      },
    });
  }

  /**
   * Re-runs tracking and refinement over the shown results' cached
   * detections with `tracker` settings, without the detector; with
   * `detections.file` (a cache file or a MOTChallenge det.txt for this video),
   * from those instead, at their detector's default settings (told to
   * `detections.ondetector` once the file is read). The new
   * results replace the shown ones when it finishes; a cancelled or failed
   * re-track leaves them as they were.
   */
  retrack(
    tracker: TrackerSettings | undefined,
    refine: boolean,
    detections?: { file: File; ondetector: (detector: string) => void },
  ): void {
    const shown = this.results;
    if (!shown || !this.#client || this.busy) return;
    this.#beginReplay();
    this.#client.retrack(
      { ...(tracker ? { tracker } : {}), ...(detections ? { detections: detections.file } : {}) },
      this.#replayCallbacks(detections?.file.name ?? shown.metadata.fileName, (info) => {
        detections?.ondetector(info.detector);
        return new ResultStore(shown.file, shown.metadata, { ...shown.settings, detector: info.detector, refine });
      }),
    );
  }

  /**
   * Re-tracks `file` from its detections saved in IndexedDB (`entry`), with
   * `tracker` settings: the detector is not loaded. The results replace the
   * shown ones when it finishes, as a re-track's do.
   */
  restore(file: File, entry: SavedDetectionsEntry, tracker: TrackerSettings, refine: boolean): void {
    if (this.busy) return;
    this.#client ??= new VideoClient();
    this.#beginReplay();
    this.opened = null;
    this.fileName = file.name;
    const settings: RunSettings = { detector: entry.detector, backend: entry.backend, every: entry.every, refine };
    this.#client.restore(
      { file, key: entry.key, tracker },
      this.#replayCallbacks(file.name, (info) => {
        this.opened = savedOpenedInfo(entry, info.restored!.metadata);
        return new ResultStore(file, info.restored!.metadata, { ...settings, detector: info.detector });
      }),
    );
  }

  #beginReplay(): void {
    this.#pending = null;
    this.status = 'retracking';
    this.progress.reset();
    this.error = null;
    this.notice = null;
  }

  /** A replay's callbacks: `store` makes the results once the worker says what it replays. */
  #replayCallbacks(errorFile: string, store: (info: ReplayInfo) => ResultStore): RunCallbacks {
    return {
      onReplay: (info) => {
        this.replay = info;
        this.#pending = store(info);
      },
      onBatch: (frames, thumbs, done, elapsed) => this.#onBatch(frames, thumbs, done, elapsed),
      onDone: (cancelled, done, elapsed, stats) => {
        this.#finish(done, elapsed, stats);
        if (cancelled) this.notice = 'Re-track cancelled; the earlier results are kept.';
        else if (this.#pending) this.#show(this.#pending, 'retrack');
        this.#pending = null;
      },
      onError: (name, message) => {
        this.status = 'idle';
        this.error = { name, message, fileName: errorFile };
        this.#pending?.dispose();
        this.#pending = null;
      },
    };
  }

  /** What the tracker did on `frame` (the latest detected frame at or before it), replayed from the cache with `tracker`. */
  async explain(frame: number, tracker: TrackerSettings): Promise<ExplainReply> {
    return this.#client ? this.#client.explain(frame, tracker) : { error: 'process a video first' };
  }

  /** The detection cache of the shown results, as the CLI's `--save-detections` JSON (null when there is none). */
  async detectionCache(): Promise<string | null> {
    return this.#client ? this.#client.detectionCache() : null;
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.#client?.pause();
    this.status = 'paused';
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.#client?.resume();
    this.status = 'running';
  }

  cancel(): void {
    if (this.busy) this.#client?.cancel();
  }

  /** Drops the results on screen (and any message). */
  clear(): void {
    this.results?.dispose();
    this.results = null;
    this.error = null;
    this.notice = null;
    this.revision++;
  }

  dismissError(): void {
    this.error = null;
  }

  dispose(): void {
    this.#client?.dispose();
    this.#client = null;
    this.#pending?.dispose();
    this.results?.dispose();
  }

  #onBatch(frames: ProcessedFrame[], thumbs: TrackThumb[], done: number, elapsed: number): void {
    this.#pending?.add(frames);
    for (const t of thumbs) this.#pending?.addThumb(t.id, t.image);
    this.progress.update(done, elapsed);
  }

  #finish(done: number, elapsed: number, stats: WorkerStats): void {
    this.progress.update(done, elapsed);
    this.workerStats = stats;
    this.status = 'idle';
  }

  #show(store: ResultStore, run: 'process' | 'retrack'): void {
    this.results?.dispose();
    this.results = store;
    this.lastRun = run;
    this.revision++;
  }
}
