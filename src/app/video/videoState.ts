import { EvaluationState } from './evaluation.svelte';
import { InternalsState } from './internals.svelte';
import { Playback } from './playback.svelte';
import { TunerState } from './tuner.svelte';
import { VideoSession } from './videoSession.svelte';

export interface VideoState {
  readonly session: VideoSession;
  readonly playback: Playback;
  readonly evaluation: EvaluationState;
  readonly tuner: TunerState;
  readonly internals: InternalsState;
}

let state: VideoState | null = null;

/**
 * The Video view's state lives for the page, not the component: the tab
 * panel unmounts hidden views, and a run (or its results) must survive a
 * visit to another tab.
 */
export function videoState(): VideoState {
  return (state ??= {
    session: new VideoSession(),
    playback: new Playback(),
    evaluation: new EvaluationState(),
    tuner: new TunerState(),
    internals: new InternalsState(),
  });
}
