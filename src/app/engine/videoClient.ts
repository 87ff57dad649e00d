import type {
  ExplainReply,
  OpenedInfo,
  ProcessedFrame,
  ProcessRequest,
  ReplayInfo,
  RestoreRequest,
  RetrackRequest,
  SaveOutcome,
  TrackThumb,
  VideoReply,
  VideoRequest,
  VideoResponse,
  WorkerStats,
} from '../video/protocol';
import type { TrackerSettings } from '../video/trackerSettings';

/** Callbacks for one run (processing or re-tracking), in the order they fire. */
export interface RunCallbacks {
  /** Processing: the file is open and the detector loaded. */
  onOpened?(info: OpenedInfo): void;
  /** Re-tracking: the cache to replay. */
  onReplay?(info: ReplayInfo): void;
  /** Processing with `persist`: whether the cache was kept in IndexedDB (before `onDone`). */
  onSaved?(outcome: SaveOutcome): void;
  onBatch(frames: ProcessedFrame[], thumbs: TrackThumb[], framesDone: number, elapsedMs: number): void;
  /** The run ended: finished, or cancelled (the frames sent so far are kept). */
  onDone(cancelled: boolean, framesDone: number, elapsedMs: number, stats: WorkerStats): void;
  /** Bad input or a failure; `name` is the error class (e.g. NotAVideoError). */
  onError(name: string, message: string, framesDone: number): void;
}

/**
 * Page-side handle on the uploaded-video worker. One run at a time; the
 * worker keeps its backend and detector loaded between runs, and the last
 * processed video's detection cache for re-tracking.
 */
export class VideoClient {
  readonly #worker: Worker;
  #callbacks: RunCallbacks | null = null;
  #runId = 0;
  #requestId = 0;
  readonly #replies = new Map<number, (reply: VideoReply) => void>();

  constructor() {
    this.#worker = new Worker(new URL('./video.worker.ts', import.meta.url), { type: 'module', name: 'video' });
    this.#worker.onmessage = (e: MessageEvent<VideoResponse | VideoReply>) => {
      if ('requestId' in e.data) this.#onReply(e.data);
      else this.#onMessage(e.data);
    };
    this.#worker.onerror = (e) => {
      this.#callbacks?.onError(
        'WorkerError',
        `the video worker stopped: ${e.message ?? 'no reason given (out of memory, or the GPU context was lost)'}`,
        0,
      );
      this.#callbacks = null;
    };
  }

  /** Starts processing `request.file` (a running job is cancelled first). */
  start(request: ProcessRequest, callbacks: RunCallbacks): void {
    this.#callbacks = callbacks;
    this.#send({ type: 'start', runId: ++this.#runId, ...request });
  }

  /** Re-tracks the last processed video from its detection cache (a running job is cancelled first). */
  retrack(request: RetrackRequest, callbacks: RunCallbacks): void {
    this.#callbacks = callbacks;
    this.#send({ type: 'retrack', runId: ++this.#runId, ...request });
  }

  /** Re-tracks `request.file` from its detections saved in IndexedDB (a running job is cancelled first). */
  restore(request: RestoreRequest, callbacks: RunCallbacks): void {
    this.#callbacks = callbacks;
    this.#send({ type: 'restore', runId: ++this.#runId, ...request });
  }

  /** The detection cache as the CLI's JSON, or null before any video was processed. */
  async detectionCache(): Promise<string | null> {
    const reply = await this.#ask((requestId) => ({ type: 'save-detections', requestId }));
    return reply.type === 'detections-file' ? reply.text : null;
  }

  /** What the tracker did on `frame` (0-based; the latest detected frame at or before it), replayed with `tracker` settings. */
  async explain(frame: number, tracker: TrackerSettings): Promise<ExplainReply> {
    const reply = await this.#ask((requestId) => ({ type: 'explain', requestId, frame, tracker }));
    return reply.type === 'explanation' ? reply : { error: 'the video worker did not answer' };
  }

  #ask(request: (requestId: number) => VideoRequest): Promise<VideoReply> {
    const requestId = ++this.#requestId;
    return new Promise((resolve) => {
      this.#replies.set(requestId, resolve);
      this.#send(request(requestId));
    });
  }

  #onReply(reply: VideoReply): void {
    this.#replies.get(reply.requestId)?.(reply);
    this.#replies.delete(reply.requestId);
  }

  pause(): void {
    this.#send({ type: 'pause' });
  }

  resume(): void {
    this.#send({ type: 'resume' });
  }

  cancel(): void {
    this.#send({ type: 'cancel' });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#callbacks = null;
    for (const [requestId, resolve] of this.#replies) resolve({ type: 'detections-file', requestId, text: null });
    this.#replies.clear();
  }

  #send(msg: VideoRequest): void {
    this.#worker.postMessage(msg);
  }

  #onMessage(msg: VideoResponse): void {
    const cb = this.#callbacks;
    if (!cb || msg.runId !== this.#runId) return;
    if (msg.type === 'opened') cb.onOpened?.(msg);
    else if (msg.type === 'replay') cb.onReplay?.(msg);
    else if (msg.type === 'saved') cb.onSaved?.(msg);
    else if (msg.type === 'batch') cb.onBatch(msg.frames, msg.thumbs, msg.framesDone, msg.elapsedMs);
    else {
      this.#callbacks = null;
      if (msg.type === 'done') cb.onDone(msg.cancelled, msg.framesDone, msg.elapsedMs, msg.stats);
      else cb.onError(msg.name, msg.message, msg.framesDone);
    }
  }
}
