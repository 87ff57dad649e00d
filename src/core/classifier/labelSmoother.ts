/**
 * Per-track label smoothing with hysteresis, so a custom label does not
 * flicker between classes frame to frame:
 *
 * 1. the class probabilities are averaged with an EMA (weight `alpha` for the new frame);
 * 2. a track's first update adopts the EMA's best class;
 * 3. another class takes over only after it beats the current one by
 *    `switchMargin` on `switchUpdates` consecutive updates;
 * 4. while the current class's EMA is below `minScore` no label is shown.
 */
import { argmax } from './classify.ts';
import { rejectUnknownKeys } from '../util/configValue.ts';
import { ClassifierConfigError } from './config.ts';

export interface SmootherConfig {
  /** EMA weight of the newest probabilities, (0, 1]; 1 = no smoothing. */
  readonly alpha: number;
  readonly switchMargin: number;
  readonly switchUpdates: number;
  readonly minScore: number;
}

export const DEFAULT_SMOOTHER_CONFIG: SmootherConfig = Object.freeze({ alpha: 0.4, switchMargin: 0.2, switchUpdates: 3, minScore: 0.6 });

export function validateSmootherConfig(input: Partial<SmootherConfig> = {}): SmootherConfig {
  rejectUnknownKeys(ClassifierConfigError, input, Object.keys(DEFAULT_SMOOTHER_CONFIG));
  const c = { ...DEFAULT_SMOOTHER_CONFIG, ...input };
  const check = (key: keyof SmootherConfig, ok: boolean, allowed: string) => {
    if (!ok) throw new ClassifierConfigError(key, c[key], allowed);
  };
  check('alpha', c.alpha > 0 && c.alpha <= 1, 'a number in (0, 1]');
  check('switchMargin', c.switchMargin >= 0 && c.switchMargin <= 1, 'a number in [0, 1]');
  check('switchUpdates', Number.isInteger(c.switchUpdates) && c.switchUpdates >= 1 && c.switchUpdates <= 100, 'an integer in [1, 100]');
  check('minScore', c.minScore >= 0 && c.minScore <= 1, 'a number in [0, 1]');
  return Object.freeze(c);
}

/** What a track shows: a class index (or null = no custom label) and its smoothed score. */
export interface SmoothedLabel {
  classIndex: number | null;
  score: number;
}

interface TrackState {
  ema: Float32Array;
  current: number;
  streak: number;
}

export class LabelSmoother {
  readonly config: SmootherConfig;
  readonly #tracks = new Map<number, TrackState>();

  constructor(config: Partial<SmootherConfig> = {}) {
    this.config = validateSmootherConfig(config);
  }

  /** Feeds one frame's probabilities for `trackId` and returns what to show. */
  update(trackId: number, probs: ArrayLike<number>): SmoothedLabel {
    const s = this.#tracks.get(trackId);
    if (!s || s.ema.length !== probs.length) {
      const ema = Float32Array.from(probs);
      this.#tracks.set(trackId, { ema, current: argmax(ema), streak: 0 });
      return this.current(trackId);
    }
    const a = this.config.alpha;
    for (let k = 0; k < probs.length; k++) s.ema[k] = (1 - a) * s.ema[k] + a * probs[k];
    const best = argmax(s.ema);
    const beats = best !== s.current && s.ema[best] >= s.ema[s.current] + this.config.switchMargin;
    s.streak = beats ? s.streak + 1 : 0;
    if (s.streak >= this.config.switchUpdates) {
      s.current = best;
      s.streak = 0;
    }
    return this.current(trackId);
  }

  /** The label without a new observation (e.g. a track carried by the motion model). */
  current(trackId: number): SmoothedLabel {
    const s = this.#tracks.get(trackId);
    if (!s) return { classIndex: null, score: 0 };
    const score = s.ema[s.current];
    return { classIndex: score >= this.config.minScore ? s.current : null, score };
  }

  /** Forgets tracks that are no longer active. */
  retain(activeIds: Iterable<number>): void {
    const keep = new Set(activeIds);
    for (const id of [...this.#tracks.keys()]) if (!keep.has(id)) this.#tracks.delete(id);
  }

  reset(): void {
    this.#tracks.clear();
  }

  get size(): number {
    return this.#tracks.size;
  }
}
