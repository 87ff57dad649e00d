import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, type BackendName } from '../../src/core/backend/select';
import { useNodeBackend } from '../../src/node/backend';

/** Node registration: WASM from node_modules; nothing to import for the others. */
async function registerNode(name: BackendName): Promise<void> {
  if (name === 'wasm') await useNodeBackend('wasm');
}

describe('selectBackend in Node (no GPU, real TF.js backends)', () => {
  it('auto picks WASM when there is no GPU, after a real probe op', async () => {
    const sel = await selectBackend({ register: registerNode });
    expect(sel.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(sel.override).toBe(false);
    expect(sel.renderer).toMatch(/^WASM/);
    expect(sel.attempts.map((a) => [a.name, a.ok])).toEqual([['wasm', true]]);
  });

  it('a forced backend that cannot start falls back to WASM and records why', async () => {
    const sel = await selectBackend({ choice: 'webgl', register: registerNode });
    expect(sel.name).toBe('wasm');
    expect(sel.override).toBe(true);
    expect(sel.attempts[0]).toMatchObject({ name: 'webgl', ok: false });
  });

  it('time-boxes a backend that hangs (like WebGPU on a software adapter)', async () => {
    const hanging = (name: BackendName) => (name === 'webgpu' ? new Promise<void>(() => {}) : registerNode(name));
    const sel = await selectBackend({ choice: 'webgpu', register: hanging, probeTimeoutMs: 100 });
    expect(sel.name).toBe('wasm');
    expect(sel.attempts[0]).toMatchObject({ name: 'webgpu', ok: false, detail: 'backend webgpu did not finish within 100 ms' });
  });
});
