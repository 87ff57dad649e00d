import { tlwhToXyah, xyahToTlwh, type Tlwh } from '../geometry/boxes.ts';
import type { TrackOutput } from './types.ts';

/**
 * The constant-velocity model's mean prediction `steps` updates ahead
 * (fractions allowed): used to draw tracks on frames that skip detection.
 * The height is kept positive so a shrinking track never inverts.
 */
export function predictBox(track: Pick<TrackOutput, 'box' | 'velocity'>, steps: number): Tlwh {
  const [cx, cy, a, h] = tlwhToXyah(track.box);
  const [vx, vy, va, vh] = track.velocity;
  return xyahToTlwh([cx + vx * steps, cy + vy * steps, Math.max(1e-3, a + va * steps), Math.max(1, h + vh * steps)]);
}
