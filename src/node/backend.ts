/**
 * Node-only: pick a tfjs backend. WASM loads its .wasm binaries from
 * node_modules/@tensorflow/tfjs-backend-wasm/dist/ via a file path.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

let wasmPathsSet = false;

export function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return `${join(dirname(pkg), 'dist')}/`;
}

/** Switches to `name`; returns the backend actually active (throws if it failed). */
export async function useNodeBackend(name: NodeBackend): Promise<NodeBackend> {
  if (!NODE_BACKENDS.includes(name)) {
    throw new Error(`backend is ${JSON.stringify(name)}; allowed: ${NODE_BACKENDS.join(', ')}`);
  }
  if (name === 'wasm' && !wasmPathsSet) {
    setWasmPaths(wasmDistDir());
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend "${name}" failed to initialise in Node`);
  return name;
}
