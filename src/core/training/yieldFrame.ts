import * as tf from '@tensorflow/tfjs';

/**
 * Gives the event loop (and the browser's painter) a turn between batches.
 * In a page this is tf.nextFrame() (requestAnimationFrame); elsewhere a
 * setTimeout(0), so Node tests never depend on rAF and a worker (which has
 * rAF in Chromium, but nothing to paint) is not held to the display's rate.
 */
export function yieldFrame(): Promise<void> {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined') return tf.nextFrame();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
