import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { Detection } from '../../src/core/tracking/index.ts';

/** A detection with a sensible default score. */
export function makeDetection(box: Tlwh, score = 0.95, extra: Partial<Detection> = {}): Detection {
  return { box, score, ...extra };
}

export { seededRandom } from '../helpers/seededRandom.ts';
