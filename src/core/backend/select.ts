import * as tf from '@tensorflow/tfjs';
import { withTimeout } from '../util/withTimeout';
import { probeWebGl, probeWebGpu, type WebGlProbe, type WebGpuProbe } from './renderer';

/** Backends in order of preference on real hardware. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export function parseBackendChoice(value: string | null | undefined): BackendChoice {
  if (value == null || value === '') return 'auto';
  if ((BACKEND_CHOICES as readonly string[]).includes(value)) return value as BackendChoice;
  throw new RangeError(`backend "${value}" is not one of ${BACKEND_CHOICES.join(', ')}`);
}

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface BackendSelection {
  name: BackendName;
  /** Human-readable device: GPU renderer, WebGPU adapter, or WASM features. */
  renderer: string;
  /** True when the GPU path is a software rasteriser. */
  software: boolean;
  /** Whether the user forced this backend. */
  override: boolean;
  attempts: BackendAttempt[];
}

export interface SelectBackendOptions {
  choice?: BackendChoice;
  /** Upper bound for registering + initialising + a probe op on one backend. */
  probeTimeoutMs?: number;
  /**
   * Makes `name` known to tf (dynamic import, WASM paths). Platform-specific:
   * the browser passes bundler URLs, Node passes file paths.
   */
  register: (name: BackendName) => Promise<void>;
}

interface Probes {
  webgl: WebGlProbe;
  webgpu: WebGpuProbe;
}

/** Order for `auto`: hardware GPU first, software GPU only after WASM. */
export function autoOrder(p: Probes): BackendName[] {
  const order: BackendName[] = [];
  if (p.webgpu.available && !p.webgpu.software) order.push('webgpu');
  if (p.webgl.available && !p.webgl.software) order.push('webgl');
  order.push('wasm');
  if (p.webgl.available && p.webgl.software) order.push('webgl');
  order.push('cpu');
  return order;
}

function forcedOrder(choice: BackendName): BackendName[] {
  return [choice, ...(['wasm', 'cpu'] as const).filter((n) => n !== choice)];
}

async function initBackend(name: BackendName, register: SelectBackendOptions['register']): Promise<void> {
  await register(name);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  // A real kernel round-trip: catches backends that initialise but cannot run.
  const probe = tf.tidy(() => tf.matMul(tf.ones([32, 32]), tf.ones([32, 32])).sum());
  try {
    const [value] = await probe.data();
    if (value !== 32 * 32 * 32) throw new Error(`probe op returned ${value}`);
  } finally {
    probe.dispose();
  }
}

async function describe(name: BackendName, p: Probes): Promise<string> {
  if (name === 'webgl') return p.webgl.renderer;
  if (name === 'webgpu') return p.webgpu.description;
  if (name === 'cpu') return 'JavaScript (no acceleration)';
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `WASM${simd ? ' SIMD' : ''}${threads ? ' threads' : ' single-thread'}`;
}

async function gatherProbes(): Promise<Probes> {
  const webgl = probeWebGl();
  const webgpu = await withTimeout(probeWebGpu(), 2000, 'WebGPU adapter request').catch((e: unknown): WebGpuProbe => ({
    available: false,
    description: String(e),
    software: false,
  }));
  return { webgl, webgpu };
}

/**
 * Picks and initialises a TF.js backend. Each candidate is time-boxed: a
 * software WebGPU adapter can take minutes to compile shaders, so a probe that
 * does not finish in `probeTimeoutMs` counts as a failure and the next
 * candidate is tried.
 */
export async function selectBackend(options: SelectBackendOptions): Promise<BackendSelection> {
  const choice = options.choice ?? 'auto';
  const timeoutMs = options.probeTimeoutMs ?? 15_000;
  const probes = await gatherProbes();
  const order = choice === 'auto' ? autoOrder(probes) : forcedOrder(choice);
  const attempts: BackendAttempt[] = [];
  for (const name of order) {
    const t0 = performance.now();
    try {
      await withTimeout(initBackend(name, options.register), timeoutMs, `backend ${name}`);
      const renderer = await describe(name, probes);
      attempts.push({ name, ok: true, detail: renderer, ms: performance.now() - t0 });
      const software = name === 'webgl' ? probes.webgl.software : name === 'webgpu' ? probes.webgpu.software : false;
      return { name, renderer, software, override: choice !== 'auto', attempts };
    } catch (e) {
      attempts.push({ name, ok: false, detail: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
    }
  }
  throw new Error(`no TF.js backend could start: ${attempts.map((a) => `${a.name}: ${a.detail}`).join('; ')}`);
}
