import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../../src/node/backend.ts';
import { registerWasmConvBackpropFilter } from '../../src/core/training/wasmConvBackpropFilter.ts';

/** WASM backend with the conv-filter-gradient shim that training needs. */
export async function useTrainingBackend(): Promise<void> {
  registerWasmConvBackpropFilter();
  await useNodeBackend('wasm');
}

/** Runs `fn` and returns how many tensors it left behind. */
export async function leakedTensors(fn: () => Promise<unknown>): Promise<number> {
  const before = tf.memory().numTensors;
  await fn();
  return tf.memory().numTensors - before;
}
