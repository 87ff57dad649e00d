import type { ExportRequest, ExportResponse } from './export.worker';
import type { ResultStore } from './resultStore';

/** Annotated WebM export as UI state; the work runs in its own worker, terminated when done. */
export class VideoExport {
  status = $state<'idle' | 'encoding' | 'error'>('idle');
  framesDone = $state(0);
  error = $state<string | null>(null);
  #worker: Worker | null = null;
  #settle: ((video: Blob | null) => void) | null = null;

  /** Resolves with the WebM, or null when it failed or was cancelled. */
  run(results: ResultStore): Promise<Blob | null> {
    this.cancel();
    this.status = 'encoding';
    this.framesDone = 0;
    this.error = null;
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'video-export' });
    this.#worker = worker;
    return new Promise((resolve) => {
      this.#settle = resolve;
      const finish = (video: Blob | null, error: string | null) => {
        worker.terminate();
        if (this.#worker !== worker) return;
        this.#worker = null;
        this.#settle = null;
        this.status = error ? 'error' : 'idle';
        this.error = error;
        resolve(video);
      };
      worker.onmessage = (e: MessageEvent<ExportResponse>) => {
        const msg = e.data;
        if (msg.type === 'progress') this.framesDone = msg.framesDone;
        else if (msg.type === 'done') finish(msg.video, null);
        else finish(null, `The annotated video could not be made: ${msg.message}`);
      };
      worker.onerror = (e) => finish(null, `The export worker crashed: ${e.message}`);
      worker.postMessage({
        file: results.file,
        rows: results.rows(),
        labels: results.labels(),
        masks: results.masks(),
        every: results.settings.every,
      } satisfies ExportRequest);
    });
  }

  /** Stops an export in progress; its `run()` resolves with null. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#settle?.(null);
    this.#settle = null;
    this.status = 'idle';
  }
}
