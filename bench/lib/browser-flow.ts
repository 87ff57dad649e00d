/**
 * Chromium part of bench:flow: bundles `flowWorkload.ts` with Vite (library
 * mode, in memory), serves it and the frames from an intercepted local
 * origin, and runs the same workload in headless Debian Chromium.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { FlowFrames, FlowTimings } from './flowWorkload.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://flow-bench.localhost';

async function bundleWorkload(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'flowWorkload.ts'), formats: ['iife'], name: 'flowBench', fileName: 'flow' },
    },
  })) as Rollup.RollupOutput[];
  return out[0].output[0].type === 'chunk' ? out[0].output[0].code : '';
}

export async function benchFlowInChromium(input: FlowFrames, boxes: readonly Tlwh[]): Promise<FlowTimings> {
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
      return route.fulfill({ body: '<!doctype html><script src="/flow.js"></script>', contentType: 'text/html' });
    });
    await page.goto(`${ORIGIN}/`);
    return (await page.evaluate(
      async ({ width, height, count, boxes }) => {
        const bytes = new Uint8Array(await (await fetch('/frames.bin')).arrayBuffer());
        const size = width * height * 3;
        const frames = Array.from({ length: count }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
        const api = (window as unknown as { flowBench: { runFlowWorkload: (i: unknown, b: unknown) => unknown } }).flowBench;
        api.runFlowWorkload({ width, height, frames: frames.slice(0, 4) }, boxes); // warm-up (JIT)
        return api.runFlowWorkload({ width, height, frames }, boxes);
      },
      { width: input.width, height: input.height, count: input.frames.length, boxes: boxes.map((b) => [...b]) },
    )) as FlowTimings;
  } finally {
    await browser.close();
  }
}
