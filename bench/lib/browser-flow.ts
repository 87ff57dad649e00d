/**
 * Chromium part of bench:flow: bundles `flowBrowserEntry.ts` with Vite
 * (library mode, in memory), serves it and the frames from an intercepted
 * local origin, and runs, in headless Debian Chromium, the same workload as
 * Node and the live view's motion step (`liveMotionWorkload.ts`) for each
 * capture variant.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { FlowFrames, FlowTimings } from './flowWorkload.ts';
import type { LiveFrameSource, LiveMotionTimings } from './liveMotionWorkload.ts';
import type { MotionCaptureMode } from '../../src/app/pipeline/liveMotion.ts';

/** One way the live view can receive and read a frame. */
export interface LiveVariant {
  source: LiveFrameSource;
  mode: MotionCaptureMode;
}

export interface ChromiumFlowResult {
  flow: FlowTimings;
  /** One entry per requested variant, in order (`liveSteps` timed frames each). */
  live: LiveMotionTimings[];
  /** Whether the page was cross-origin isolated (finer `performance.now()`). */
  isolated: boolean;
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://flow-bench.localhost';
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

async function bundleWorkload(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'flowBrowserEntry.ts'), formats: ['iife'], name: 'flowBench', fileName: 'flow' },
    },
  })) as Rollup.RollupOutput[];
  return out[0].output[0].type === 'chunk' ? out[0].output[0].code : '';
}

export async function benchFlowInChromium(
  input: FlowFrames,
  boxes: readonly Tlwh[],
  variants: readonly LiveVariant[],
  liveSteps: number,
): Promise<ChromiumFlowResult> {
  const code = await bundleWorkload();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const packed = Buffer.concat(input.frames);
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/frames.bin') return route.fulfill({ body: packed, contentType: 'application/octet-stream' });
      if (path === '/flow.js') return route.fulfill({ body: code, contentType: 'text/javascript' });
      // Cross-origin isolated, so performance.now() has 5 µs resolution instead of 100 µs.
      return route.fulfill({ body: '<!doctype html><script src="/flow.js"></script>', contentType: 'text/html', headers: ISOLATED });
    });
    await page.goto(`${ORIGIN}/`);
    return (await page.evaluate(
      async ({ width, height, count, boxes, variants, liveSteps }) => {
        const bytes = new Uint8Array(await (await fetch('/frames.bin')).arrayBuffer());
        const size = width * height * 3;
        const frames = Array.from({ length: count }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
        type Api = {
          runFlowWorkload: (i: unknown, b: unknown) => unknown;
          runLiveMotionWorkload: (i: unknown, b: unknown, s: unknown, m: unknown, n: number) => Promise<unknown>;
        };
        const api = (window as unknown as { flowBench: Api }).flowBench;
        const warm = { width, height, frames: frames.slice(0, 4) };
        api.runFlowWorkload(warm, boxes); // warm-up (JIT)
        const flow = api.runFlowWorkload({ width, height, frames }, boxes);
        const live = [];
        for (const v of variants) live.push(await api.runLiveMotionWorkload({ width, height, frames }, boxes, v.source, v.mode, liveSteps));
        return { flow, live, isolated: crossOriginIsolated };
      },
      {
        width: input.width,
        height: input.height,
        count: input.frames.length,
        boxes: boxes.map((b) => [...b]),
        variants: variants.map((v) => ({ ...v })),
        liveSteps,
      },
    )) as ChromiumFlowResult;
  } finally {
    await browser.close();
  }
}
