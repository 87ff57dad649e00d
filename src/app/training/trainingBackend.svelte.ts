/**
 * The main thread's TF.js backend for the training panels. The page only runs
 * detection in a worker, so nothing else picks a backend here: every panel
 * awaits `ensure()` before building a model. One instance per page (tf's
 * backend is global), shared by all panels.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_CHOICES, selectBackend, type BackendChoice, type BackendSelection } from '../../core/backend/select';
import { registerWasmConvBackpropFilter } from '../../core/training/index.ts';
import { registerBrowserBackend } from '../engine/registerBrowserBackend';
import { exposeTensorCount } from '../testHooks';

export { BACKEND_CHOICES };

export class TrainingBackend {
  choice = $state<BackendChoice>('auto');
  info = $state.raw<BackendSelection | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state('');
  #pending: Promise<BackendSelection> | null = null;
  #pendingChoice: BackendChoice | null = null;

  /** Resolves once a backend for the current `choice` is running; reuses it afterwards. */
  ensure(): Promise<BackendSelection> {
    if (this.#pending && this.#pendingChoice === this.choice) return this.#pending;
    const choice = this.choice;
    this.#pendingChoice = choice;
    this.status = 'loading';
    this.error = '';
    // WASM in tfjs 4.22 lacks the conv filter gradient; the shim is idempotent.
    registerWasmConvBackpropFilter();
    this.#pending = selectBackend({ choice, register: registerBrowserBackend }).then(
      (info) => {
        this.info = info;
        this.status = 'ready';
        return info;
      },
      (e: unknown) => {
        this.#pending = null;
        this.status = 'error';
        this.error = `No TF.js backend could start: ${e instanceof Error ? e.message : String(e)}`;
        throw e;
      },
    );
    return this.#pending;
  }

  describe(): string {
    if (this.status === 'loading') return 'starting backend…';
    if (!this.info) return this.status === 'error' ? 'backend unavailable' : 'backend not started';
    const i = this.info;
    return `${i.renderer}${i.software ? ' (software renderer)' : ''}`;
  }
}

/** Page-wide instance (see the note at the top). */
export const trainingBackend = new TrainingBackend();
exposeTensorCount(() => tf.memory().numTensors);
