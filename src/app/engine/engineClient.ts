import type { EngineReady, EngineRequest, EngineResponse, EngineResult } from './protocol';
import type { ClassifierCommand, ClassifierReply } from '../classifier/messages';
import type { HeadEpoch } from '../../core/classifier';

type Pending = { resolve: (r: EngineResult) => void; reject: (e: Error) => void };

/**
 * Page-side handle on the detection worker: `init()` selects the backend and
 * loads the detector; `detect()` transfers a frame and resolves with its
 * detections. One request per frame id; the caller decides when to drop frames.
 */
export class EngineClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #ready: { resolve: (r: EngineReady) => void; reject: (e: Error) => void } | null = null;
  #nextId = 1;
  readonly #classifierPending = new Map<number, (r: ClassifierReply) => void>();

  /** Custom classifier training progress, one call per epoch. */
  onClassifierProgress: ((epoch: HeadEpoch) => void) | null = null;

  /** Called when the worker reports its backend unusable or crashes. */
  onFault: ((message: string) => void) | null = null;

  constructor() {
    this.#worker = new Worker(new URL('./detection.worker.ts', import.meta.url), { type: 'module', name: 'detection' });
    this.#worker.onmessage = (e: MessageEvent<EngineResponse>) => this.#onMessage(e.data);
    this.#worker.onerror = (e) => {
      const error = new Error(`detection worker crashed: ${e.message}`);
      this.#failAll(error);
      this.onFault?.(error.message);
    };
  }

  init(request: Omit<Extract<EngineRequest, { type: 'init' }>, 'type'>): Promise<EngineReady> {
    return new Promise((resolve, reject) => {
      this.#ready = { resolve, reject };
      this.#worker.postMessage({ type: 'init', ...request } satisfies EngineRequest);
    });
  }

  /** Detects and tracks `frame` (transferred: the caller must not use it afterwards). */
  detect(frame: ImageBitmap, index: number): Promise<EngineResult> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ type: 'detect', id, frame, index } satisfies EngineRequest, [frame]);
    });
  }

  /** Forgets all tracks (a new camera stream); `frameRate` puts the tracker's clock on the camera's rate. */
  resetTracks(frameRate?: number): void {
    this.#worker.postMessage({ type: 'reset', frameRate } satisfies EngineRequest);
  }

  setConfig(config: Extract<EngineRequest, { type: 'config' }>['config']): void {
    this.#worker.postMessage({ type: 'config', config } satisfies EngineRequest);
  }

  /** Sends a custom classifier command; resolves with the worker's reply (errors are in `reply.error`). */
  classifier(command: ClassifierCommand): Promise<ClassifierReply> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#classifierPending.set(id, resolve);
      this.#worker.postMessage({ type: 'classifier', id, command } satisfies EngineRequest);
    });
  }

  dispose(): void {
    this.#worker.terminate();
    this.#failAll(new Error('engine disposed'));
  }

  /** Test hook: makes the worker lose its WebGL context. */
  loseGpuContext(): void {
    this.#worker.postMessage({ type: 'loseGpuContext' } satisfies EngineRequest);
  }

  #onMessage(msg: EngineResponse): void {
    if (msg.type === 'classifier') {
      this.#classifierPending.get(msg.id)?.(msg.reply);
      this.#classifierPending.delete(msg.id);
    } else if (msg.type === 'classifierProgress') {
      this.onClassifierProgress?.(msg.epoch);
    } else if (msg.type === 'fault') {
      this.#failAll(new Error(msg.message));
      this.onFault?.(msg.message);
    } else if (msg.type === 'ready') {
      this.#ready?.resolve(msg);
      this.#ready = null;
    } else if (msg.type === 'result') {
      this.#pending.get(msg.id)?.resolve(msg);
      this.#pending.delete(msg.id);
    } else if (msg.id !== undefined) {
      this.#pending.get(msg.id)?.reject(new Error(msg.message));
      this.#pending.delete(msg.id);
    } else {
      this.#ready?.reject(new Error(msg.message));
      this.#ready = null;
    }
  }

  #failAll(error: Error): void {
    this.#ready?.reject(error);
    this.#ready = null;
    for (const p of this.#pending.values()) p.reject(error);
    for (const resolve of this.#classifierPending.values())
      resolve({ ok: false, error: error.message, status: { counts: {}, trained: null, enabled: false, targetClass: 'person' } });
    this.#classifierPending.clear();
    this.#pending.clear();
  }
}
