/**
 * A confirmed track at `box` with zero Kalman velocity (its carry keeps the
 * box), for tests and benchmarks that drive the motion step with boxes of
 * their own.
 */
import type { Tlwh } from '../src/core/geometry/boxes.ts';
import type { TrackOutput } from '../src/core/tracking/types.ts';

export const confirmedTrack = (id: number, box: Tlwh): TrackOutput => ({
  id,
  box,
  state: 'confirmed',
  hits: 1,
  age: 1,
  timeSinceUpdate: 0,
  history: [],
  score: 1,
  velocity: [0, 0, 0, 0],
});
