import type { TrackerExplanation } from '../../core/tracking';
import { exposeVideoExplanation } from '../testHooks';
import type { TrackerSettings } from './trackerSettings';
import type { VideoSession } from './videoSession.svelte';

/**
 * "DeepSORT internals" state: the explained frame and what the tracker did
 * on it, replayed from the detection cache with the tuner's settings (so a
 * change of maxAge or nInit can be watched frame by frame).
 */
export class InternalsState {
  /** 0-based frame explained (the latest detected frame at or before the one asked for). */
  frame = $state<number | null>(null);
  explanation = $state.raw<TrackerExplanation | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  #asked: number | null = null;

  constructor() {
    exposeVideoExplanation(() => this.explanation && { frame: this.frame!, explanation: this.explanation });
  }

  async explain(session: VideoSession, frame: number, tracker: TrackerSettings): Promise<void> {
    this.loading = true;
    this.#asked = frame;
    try {
      const reply = await session.explain(frame, tracker);
      if ('error' in reply) {
        this.error = reply.error;
        this.explanation = null;
      } else {
        this.error = null;
        this.frame = reply.frame;
        this.explanation = reply.explanation;
      }
    } finally {
      this.loading = false;
    }
  }

  /** Explains the last asked frame again (after a re-track, with the settings it used). */
  async refresh(session: VideoSession, tracker: TrackerSettings): Promise<void> {
    if (this.#asked !== null) await this.explain(session, this.#asked, tracker);
  }

  clear(): void {
    this.frame = this.#asked = null;
    this.explanation = null;
    this.error = null;
  }
}
