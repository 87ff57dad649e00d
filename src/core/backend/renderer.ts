/**
 * GPU renderer detection. A software rasteriser (SwiftShader, llvmpipe, …)
 * exposes WebGL/WebGPU but runs CNNs far slower than WASM: CenterNet took about
 * 4.5 s/frame on SwiftShader WebGL versus about 0.15 s on WASM on a 2-core
 * machine. Auto-selection must therefore look at the renderer, not just at
 * whether a context can be created.
 */

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen/i;

/** True when a renderer/adapter description names a software implementation. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

export interface WebGlProbe {
  available: boolean;
  renderer: string;
  vendor: string;
  software: boolean;
}

type Canvasish = { getContext(id: 'webgl2' | 'webgl'): WebGLRenderingContext | WebGL2RenderingContext | null };

function makeCanvas(): Canvasish | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1) as unknown as Canvasish;
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return null;
}

/** Creates a throwaway WebGL context and reads the unmasked renderer string. */
export function probeWebGl(): WebGlProbe {
  const canvas = makeCanvas();
  const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl') ?? null;
  if (!gl) return { available: false, renderer: 'none', vendor: 'none', software: false };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const vendor = String(gl.getParameter(ext ? ext.UNMASKED_VENDOR_WEBGL : gl.VENDOR));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, renderer, vendor, software: isSoftwareRenderer(`${renderer} ${vendor}`) };
}

export interface WebGpuProbe {
  available: boolean;
  description: string;
  software: boolean;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** Asks for a WebGPU adapter and reports whether it is a software/fallback one. */
export async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { available: false, description: 'navigator.gpu missing', software: false };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { available: false, description: 'no adapter', software: false };
  const info = adapter.info ?? {};
  const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const fallback = Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter);
  return { available: true, description, software: fallback || isSoftwareRenderer(description) };
}
