import { describe, expect, it } from 'vitest';
import { autoOrder, parseBackendChoice } from '../../src/core/backend/select';
import { isSoftwareRenderer } from '../../src/core/backend/renderer';
import { TimeoutError, withTimeout } from '../../src/core/util/withTimeout';

const gl = (renderer: string, software: boolean) => ({ available: true, renderer, vendor: 'x', software });
const noGl = { available: false, renderer: 'none', vendor: 'none', software: false };
const noGpu = { available: false, description: '', software: false };

describe('software renderer detection', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0)', false],
    ['Apple M2', false],
  ])('%s → software=%s', (renderer, expected) => {
    expect(isSoftwareRenderer(renderer)).toBe(expected);
  });
});

describe('auto backend order', () => {
  it('prefers WASM over a software WebGL renderer and keeps CPU last', () => {
    expect(autoOrder({ webgl: gl('SwiftShader', true), webgpu: noGpu })).toEqual(['wasm', 'webgl', 'cpu']);
  });
  it('puts hardware WebGPU, then hardware WebGL, first', () => {
    expect(autoOrder({ webgl: gl('NVIDIA', false), webgpu: { available: true, description: 'nvidia', software: false } })).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
  });
  it('skips a software WebGPU adapter entirely and works without any GPU', () => {
    expect(autoOrder({ webgl: noGl, webgpu: { available: true, description: 'swiftshader', software: true } })).toEqual(['wasm', 'cpu']);
  });
});

describe('backend choice parsing', () => {
  it('accepts the known names and defaults to auto', () => {
    expect(parseBackendChoice('webgl')).toBe('webgl');
    expect(parseBackendChoice(null)).toBe('auto');
    expect(parseBackendChoice('')).toBe('auto');
  });
  it('names the bad value and the allowed ones', () => {
    expect(() => parseBackendChoice('cuda')).toThrow('backend "cuda" is not one of auto, webgpu, webgl, wasm, cpu');
  });
});

describe('withTimeout', () => {
  it('rejects with TimeoutError naming the operation', async () => {
    const never = new Promise<number>(() => {});
    await expect(withTimeout(never, 20, 'backend webgpu')).rejects.toThrow(new TimeoutError('backend webgpu', 20));
  });
  it('passes through a value that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
  });
});
