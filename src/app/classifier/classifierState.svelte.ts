/**
 * UI state of the "Custom classes" panel: class names, sample counts and
 * thumbnails, training progress, the live toggle and saved classifiers.
 * All work happens in the detection worker through `EngineClient.classifier`.
 */
import type { ClassifierStatus, HeadEpoch } from '../../core/classifier';
import type { EngineClient } from '../engine/engineClient';
import type { CaptureMode, ClassifierCommand, ClassifierReply, SavedClassifier } from './messages';

const THUMBS_PER_CLASS = 6;

export class ClassifierState {
  classNames = $state<string[]>(['', '']);
  selectedTrack = $state<number | null>(null);
  mode = $state<CaptureMode>('track');
  status = $state.raw<ClassifierStatus>({ counts: {}, trained: null, enabled: false, targetClass: 'person' });
  thumbs = $state.raw<Record<string, string[]>>({});
  progress = $state.raw<HeadEpoch | null>(null);
  training = $state(false);
  busy = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  targetClass = $state('person');
  saved = $state.raw<SavedClassifier[]>([]);
  saveName = $state('my-classes');
  #client: EngineClient | null = null;
  #lastReply: ClassifierReply | null = null;

  /** The engine can be rebuilt (backend fault); point at the current one. */
  attach(client: EngineClient | null): void {
    if (client === this.#client) return;
    this.#client = client;
    if (!client) return;
    client.onClassifierProgress = (e) => (this.progress = e);
    void this.#send({ op: 'list' });
  }

  get canTrain(): boolean {
    const counts = Object.values(this.status.counts);
    return counts.length >= 2 && counts.every((n) => n >= 2) && !this.training;
  }

  async capture(className: string, thumbnail?: string): Promise<void> {
    const name = className.trim();
    if (!name) return this.#fail('Name the class first');
    if (this.mode === 'track' && this.selectedTrack === null)
      return this.#fail('Pick a track first (click it in the track list or choose its id)');
    const ok = await this.#send({ op: 'capture', mode: this.mode, trackId: this.selectedTrack ?? undefined, className: name });
    if (!ok) return;
    if (thumbnail && this.mode === 'track')
      this.thumbs = { ...this.thumbs, [name]: [thumbnail, ...(this.thumbs[name] ?? [])].slice(0, THUMBS_PER_CLASS) };
    this.message = `${this.status.counts[name]} sample(s) of “${name}”`;
  }

  async removeClass(index: number): Promise<void> {
    const name = this.classNames[index].trim();
    if (name) await this.#send({ op: 'removeClass', className: name });
    const { [name]: _gone, ...rest } = this.thumbs;
    this.thumbs = rest;
    this.classNames = this.classNames.filter((_, i) => i !== index);
  }

  async train(): Promise<void> {
    this.training = true;
    this.progress = null;
    try {
      const ok = await this.#send({ op: 'train', config: {} });
      const r = this.#lastReply;
      if (ok && r?.last)
        this.message = `Trained in ${((r.trainMs ?? 0) / 1000).toFixed(1)} s, loss ${r.last.loss.toFixed(3)}, accuracy ${(r.last.accuracy * 100).toFixed(0)}%`;
    } finally {
      this.training = false;
    }
  }

  stopTraining(): Promise<boolean> {
    return this.#send({ op: 'stopTraining' });
  }

  async setEnabled(on: boolean): Promise<void> {
    if (await this.#send({ op: 'enable', on, targetClass: this.targetClass.trim() || 'person' })) {
      this.message = on ? `Custom labels on for “${this.status.targetClass}” tracks` : 'Custom labels off';
    }
  }

  async save(): Promise<void> {
    if (await this.#send({ op: 'save', name: this.saveName })) this.message = `Saved “${this.saveName}”`;
  }

  async load(name: string): Promise<void> {
    if (await this.#send({ op: 'load', name })) {
      this.message = `Loaded “${name}”: ${this.status.trained?.classNames.join(', ')}`;
      this.targetClass = this.status.targetClass;
    }
  }

  async remove(name: string): Promise<void> {
    if (await this.#send({ op: 'delete', name })) this.message = `Deleted “${name}”`;
  }

  /** Sends one command; updates status, list and messages; true on success. */
  async #send(command: ClassifierCommand): Promise<boolean> {
    if (!this.#client) {
      this.#fail('The engine is not ready yet');
      return false;
    }
    this.busy = true;
    this.error = null;
    try {
      const r = await this.#client.classifier(command);
      this.#lastReply = r;
      this.status = r.status;
      if (r.saved) this.saved = r.saved;
      if (!r.ok) this.#fail(r.error ?? 'failed');
      return r.ok;
    } finally {
      this.busy = false;
    }
  }

  #fail(message: string): void {
    this.error = message;
    this.message = null;
  }
}
