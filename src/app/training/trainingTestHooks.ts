/**
 * Opt-in results API for the training panels' browser tests (`?testHooks=1`):
 * `window.trackscopeTraining.numTensors()` reads the main thread's live tensor
 * count, so a test can check that a panel's work leaves it flat.
 */
import * as tf from '@tensorflow/tfjs';

const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).get('testHooks') === '1';
if (enabled) (globalThis as unknown as { trackscopeTraining: unknown }).trackscopeTraining = { numTensors: () => tf.memory().numTensors };
