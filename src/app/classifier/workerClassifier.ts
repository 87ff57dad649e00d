/**
 * Worker side of the custom classifier: routes `ClassifierCommand`s to a
 * core `ClassifierSession` and labels each detected frame's tracks. Kept out
 * of detection.worker.ts so the worker only forwards messages and frames.
 */
import * as tf from '@tensorflow/tfjs';
import {
  ClassifierSession,
  classifierUrl,
  deleteClassifier,
  listClassifiers,
  type EmbeddedLike,
  type LabelledTrack,
} from '../../core/classifier';
import type { Detector, DetectorInput } from '../../core/detection';
import { JointCenterNet } from '../../core/embedding/jointCenterNet';
import { describeStorageError } from '../../core/training/storageErrors';
import type { TrackOutput } from '../../core/tracking';
import type { ClassifierCommand, ClassifierReply, ClassifierRequestMessage, ClassifierResponseMessage } from './messages';

const NO_EMBEDDINGS = 'The custom classifier needs appearance embeddings: choose CenterNet with appearance on in Settings';

export class WorkerClassifier {
  #session: ClassifierSession | null = null;
  #abort: AbortController | null = null;
  #dim = 0;

  constructor(readonly post: (msg: ClassifierResponseMessage) => void) {}

  /** After each detected frame: remember it for captures; label tracks when enabled. */
  async afterDetect(
    detector: Detector,
    frame: DetectorInput,
    detections: readonly EmbeddedLike[],
    tracks: TrackOutput[],
  ): Promise<LabelledTrack[]> {
    if (!(detector instanceof JointCenterNet)) return tracks;
    const session = this.#sessionFor(detector);
    const first = detections.find((d) => d.embedding)?.embedding;
    if (first) this.#dim = first.length;
    return session.afterDetect({ frame, detections, tracks, embedBoxes: (f, b) => detector.embedBoxes(f, b) });
  }

  resetTracks(): void {
    this.#session?.resetTracks();
  }

  async handle(msg: ClassifierRequestMessage, detector: Detector | undefined): Promise<void> {
    let reply: Partial<ClassifierReply> = {};
    let error: string | undefined;
    try {
      reply = await this.#run(msg.command, detector);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const status = this.#session?.status() ?? { counts: {}, trained: null, enabled: false, targetClass: 'person' };
    this.post({ type: 'classifier', id: msg.id, reply: { ...reply, ok: error === undefined, error, status } });
  }

  dispose(): void {
    this.#abort?.abort();
    this.#session?.dispose();
    this.#session = null;
  }

  /** The session for the detector's embedding method (a new method starts a new session). */
  #sessionFor(detector: Detector | undefined): ClassifierSession {
    if (!(detector instanceof JointCenterNet)) throw new Error(NO_EMBEDDINGS);
    const method = detector.embeddingConfig.method;
    if (this.#session?.embeddingMethod !== method) {
      this.#session?.dispose();
      this.#session = new ClassifierSession(method);
      this.#dim = 0;
    }
    return this.#session;
  }

  /** Embedding length of the current detector: from the last frame, else one small probe. */
  async #embeddingDim(detector: JointCenterNet): Promise<number> {
    if (this.#dim > 0) return this.#dim;
    const probe = tf.zeros<tf.Rank.R3>([64, 64, 3]);
    try {
      this.#dim = (await detector.embedBoxes(probe, [[0, 0, 64, 64]]))[0].length;
      return this.#dim;
    } finally {
      probe.dispose();
    }
  }

  async #run(c: ClassifierCommand, detector: Detector | undefined): Promise<Partial<ClassifierReply>> {
    if (c.op === 'list') return { saved: await this.#list() };
    if (c.op === 'status') return {};
    if (c.op === 'stopTraining') {
      this.#abort?.abort();
      return {};
    }
    if (c.op === 'delete') {
      await storage(`deleting classifier ${c.name}`, () => deleteClassifier(c.name));
      return { saved: await this.#list() };
    }
    const s = this.#sessionFor(detector);
    switch (c.op) {
      case 'capture':
        if (c.mode === 'frame') await s.captureFrame(c.className);
        else s.captureTrack(c.trackId ?? -1, c.className);
        return {};
      case 'removeClass':
        s.removeClass(c.className);
        return {};
      case 'clear':
        s.clearSamples();
        return {};
      case 'train': {
        this.#abort?.abort();
        const abort = (this.#abort = new AbortController());
        const r = await s.train(c.config, (epoch) => this.post({ type: 'classifierProgress', epoch }), abort.signal);
        return { trainMs: r.ms, last: r.history.at(-1) };
      }
      case 'enable':
        s.enable(c.on, c.targetClass);
        return {};
      case 'save':
        await storage(`saving classifier ${c.name}`, () => s.save(classifierUrl(c.name)));
        return { saved: await this.#list() };
      case 'load':
        await s.load(classifierUrl(c.name), await this.#embeddingDim(detector as JointCenterNet));
        return {};
    }
  }

  async #list(): Promise<ClassifierReply['saved']> {
    const all = await storage('listing classifiers', () => listClassifiers());
    return all.map((m) => ({ name: m.name, dateSaved: m.dateSaved.toISOString() }));
  }
}

/** Storage failures (quota, private mode) as messages a user can act on. */
async function storage<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new Error(describeStorageError(action, e), { cause: e });
  }
}
