import { EvaluationState } from './evaluation.svelte';
import { InternalsState } from './internals.svelte';
import { Playback } from './playback.svelte';
import { SavedDetections } from './savedDetections.svelte';
import { TunerState } from './tuner.svelte';
import { VideoSession } from './videoSession.svelte';

export interface VideoState {
  readonly session: VideoSession;
  readonly playback: Playback;
  readonly evaluation: EvaluationState;
  readonly tuner: TunerState;
  readonly internals: InternalsState;
  readonly saved: SavedDetections;
}

let state: VideoState | null = null;

/**
 * The Video view's state lives for the page, not the component: the tab
 * panel unmounts hidden views, and a run (or its results) must survive a
 * visit to another tab.
 */
export function videoState(): VideoState {
  if (state) return state;
  const saved = new SavedDetections();
  return (state = {
    // A newly kept cache joins the list at once.
    session: new VideoSession((outcome) => void (outcome.ok && saved.refresh())),
    playback: new Playback(),
    evaluation: new EvaluationState(),
    tuner: new TunerState(),
    internals: new InternalsState(),
    saved,
  });
}
