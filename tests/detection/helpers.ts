/** Shared helpers for the detection/model suites (Node, real models and media). */
import { join, resolve } from 'node:path';
import { useNodeBackend, type NodeBackend } from '../../src/node/backend';
import { fileSystemModelSource } from '../../src/node/fsModelSource';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MODELS_DIR = join(ROOT, 'models');
export const MEDIA_DIR = join(ROOT, 'tests/fixtures/media');
export const media = (file: string): string => join(MEDIA_DIR, file);
export const modelsSource = () => fileSystemModelSource(MODELS_DIR);

/**
 * WASM is the backend we test on (it is what the browser falls back to
 * without WebGL/WebGPU). If it cannot start in this Node, use 'cpu' and say so.
 */
export async function useTestBackend(): Promise<NodeBackend> {
  try {
    return await useNodeBackend('wasm');
  } catch (error) {
    console.warn(`WASM backend unavailable in Node (${String(error)}); falling back to 'cpu'`);
    return useNodeBackend('cpu');
  }
}
