import type { BackendChoice } from '../../core/backend/select';
import type { DetectorConfig, DetectorName } from '../../core/detection';
import { EngineClient } from '../engine/engineClient';
import type { EngineReady, TrackingOptions } from '../engine/protocol';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The detection worker's lifecycle as UI state. */
export class EngineState {
  status = $state<EngineStatus>('idle');
  info = $state.raw<EngineReady | null>(null);
  error = $state<string | null>(null);
  client = $state.raw<EngineClient | null>(null);
  /** A recovered fault, shown as a notice (e.g. "GPU context lost; rebuilt on wasm"). */
  notice = $state<string | null>(null);
  #args: Parameters<EngineState['load']> | null = null;
  /** Bumped by every load/unload, so a load that finishes late cannot resurrect a closed engine. */
  #generation = 0;

  async load(backend: BackendChoice, detector: DetectorName, config: Partial<DetectorConfig>, tracking: TrackingOptions): Promise<void> {
    this.#args = [backend, detector, config, tracking];
    const generation = ++this.#generation;
    this.client?.dispose();
    this.client = null;
    this.status = 'loading';
    this.error = null;
    this.info = null;
    const client = new EngineClient();
    client.onFault = (message) => void this.#recover(client, message);
    try {
      const modelBaseUrl = new URL(`${import.meta.env.BASE_URL}models/`, location.href).href;
      const appBaseUrl = new URL(import.meta.env.BASE_URL, location.href).href;
      const info = await client.init({ backend, detector, config, tracking, modelBaseUrl, appBaseUrl });
      if (generation !== this.#generation) return client.dispose();
      this.info = info;
      this.client = client;
      this.status = 'ready';
    } catch (e) {
      client.dispose();
      if (generation !== this.#generation) return;
      this.status = 'error';
      this.error = `Models could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Stops the worker and frees its models (e.g. when the Live view closes). */
  unload(): void {
    this.#generation++;
    this.#args = null;
    this.client?.dispose();
    this.client = null;
    this.info = null;
    this.notice = null;
    this.status = 'idle';
  }

  /**
   * A fault (lost GPU context, crashed worker): rebuild the worker, backend
   * and models with the same settings. Backend selection falls through to
   * WASM when the GPU cannot be used again.
   */
  async #recover(client: EngineClient, message: string): Promise<void> {
    if (client !== this.client || !this.#args) return;
    this.notice = `${message}. Rebuilding the backend and models…`;
    await this.load(...this.#args);
    this.notice = this.info ? `${message}. Recovered: tracking continues on ${this.info.backend.name}.` : `${message}. Recovery failed.`;
  }
}
