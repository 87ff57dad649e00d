import type { LiveStats } from '../pipeline/liveLoop';

/**
 * The HUD's input-size cell: the detector's input size (square, `–` before
 * the first result), whether it is chosen (`auto`) or fixed, and the cadence
 * the input-size controller planned with it (camera frames per detection,
 * `plans k N`; absent without the size ladder).
 */
export function inputSizeText(stats: Pick<LiveStats, 'inputSize' | 'plannedCadence'> | null, setting: 'auto' | number): string {
  const size = stats?.inputSize ? `${stats.inputSize}²` : '–';
  const plan = stats?.plannedCadence ? `, plans k ${stats.plannedCadence}` : '';
  return `${size} (${setting === 'auto' ? 'auto' : 'fixed'}${plan})`;
}
