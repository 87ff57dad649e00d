import type { BackendChoice } from '../../core/backend/select';
import type { DetectorName } from '../../core/detection';
import { VideoClient } from '../engine/videoClient';
import type { OpenedInfo } from './protocol';
import { ResultStore } from './resultStore';

export type RunStatus = 'idle' | 'opening' | 'running' | 'paused';

export interface RunOptions {
  backend: BackendChoice;
  detector: DetectorName;
  every: number;
}

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
  framesDone = $state(0);
  elapsedMs = $state(0);
  error = $state.raw<RunError | null>(null);
  notice = $state<string | null>(null);
  results = $state.raw<ResultStore | null>(null);
  /** Bumped whenever `results` gains frames or is replaced (for derived views). */
  revision = $state(0);

  #client: VideoClient | null = null;
  #pending: ResultStore | null = null;

  get busy(): boolean {
    return this.status !== 'idle';
  }

  get fps(): number {
    return this.elapsedMs > 0 ? (this.framesDone * 1000) / this.elapsedMs : 0;
  }

  /** Seconds left, or null while unknown. */
  get etaSeconds(): number | null {
    const total = this.opened?.expectedFrames;
    if (!total || this.fps === 0) return null;
    return Math.max(0, (total - this.framesDone) / this.fps);
  }

  /** 0..1; estimated totals (WebM) can be exceeded, so it is clamped. */
  get fraction(): number {
    const total = this.opened?.expectedFrames;
    return total ? Math.min(1, this.framesDone / total) : 0;
  }

  start(file: File, options: RunOptions): void {
    this.#client ??= new VideoClient();
    this.#pending = null;
    this.status = 'opening';
    this.opened = null;
    this.fileName = file.name;
    this.framesDone = 0;
    this.elapsedMs = 0;
    this.error = null;
    this.notice = null;
    const base = new URL(import.meta.env.BASE_URL, location.href).href;
    const request = { file, ...options, modelBaseUrl: new URL('models/', base).href, appBaseUrl: base };
    this.#client.start(request, {
      onOpened: (info) => {
        this.opened = info;
        this.status = 'running';
        this.#pending = new ResultStore(file, info.metadata, {
          detector: info.detector,
          backend: info.backend.name,
          every: options.every,
          refine: true,
        });
      },
      onBatch: (frames, thumbs, done, elapsed) => {
        this.#pending?.add(frames);
        for (const t of thumbs) this.#pending?.addThumb(t.id, t.image);
        this.framesDone = done;
        this.elapsedMs = elapsed;
      },
      onDone: (cancelled, done, elapsed) => {
        this.framesDone = done;
        this.elapsedMs = elapsed;
        this.status = 'idle';
        if (cancelled) this.notice = `Cancelled after ${done} frames; the results so far are kept.`;
        if (this.#pending && this.#pending.frameCount > 0) this.#show(this.#pending);
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

  #show(store: ResultStore): void {
    this.results?.dispose();
    this.results = store;
    this.revision++;
  }
}
