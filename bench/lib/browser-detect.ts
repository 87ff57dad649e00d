/**
 * Browser part of bench:detect: builds and serves the bench page
 * (bench/browser/index.html, `vite build --mode bench`), opens it
 * in headless Debian Chromium and runs CenterNet there for each backend.
 * Samples come back raw and are summarised by the same `makeRow` as Node's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppServer } from '../../dev/appServer';
import type { Browser, Page } from 'playwright-core';
import { isLocal, launchChromium, recordRequests } from '../../dev/browser';
import { withTimeout } from '../../src/core/util/withTimeout';
import { centerNetModelName, type CenterNetInputSize } from '../../src/core/detection/centernetSizes';
import { makeRow, type BenchRow, type FrameSample } from './node-stats';

export const BROWSER_BACKENDS = ['wasm', 'webgl', 'webgpu', 'cpu'] as const;
export type BrowserBackend = (typeof BROWSER_BACKENDS)[number];

interface BrowserRun {
  backend: { name: string; renderer: string; software: boolean; attempts: Array<{ name: string; ok: boolean; detail: string }> };
  environment: { crossOriginIsolated: boolean; hardwareConcurrency: number; wasmThreads?: number };
  warmupMs: number;
  samples: FrameSample[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}

export interface BrowserBenchOptions {
  mediaDir: string;
  media: readonly string[];
  framesFor: (backend: BrowserBackend) => number;
  /** Per-backend wall-clock cap, ms (software WebGL/WebGPU can take minutes). */
  capMs: number;
  /** CenterNet input sizes to run, one page (and one row) each; default [512]. */
  inputSizes?: readonly CenterNetInputSize[];
}

/** Builds and serves the bench page and launches headless Chromium for `fn`; closes both afterwards. */
export async function withBenchBrowser<T>(fn: (browser: Browser, origin: string) => Promise<T>): Promise<T> {
  const server = await startAppServer({ mode: 'bench' });
  const browser = await launchChromium({ extraArgs: ['--enable-unsafe-webgpu'] });
  try {
    return await fn(browser, server.origin);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A new bench page serving `mediaDir` at /bench-media/, with every request it makes recorded. */
export async function openBenchPage(browser: Browser, origin: string, mediaDir: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests = recordRequests(page);
  await page.route('**/bench-media/**', (route) =>
    route.fulfill({ body: readFileSync(join(mediaDir, route.request().url().split('/').pop()!)), contentType: 'image/png' }),
  );
  await page.goto(`${origin}/bench/browser/index.html`);
  await page.waitForFunction(() => 'trackscopeBench' in window);
  return { page, requests };
}

export async function benchBrowser(backends: readonly BrowserBackend[], opts: BrowserBenchOptions): Promise<BenchRow[]> {
  return withBenchBrowser(async (browser, origin) => {
    const rows: BenchRow[] = [];
    const runs = backends.flatMap((backend) => (opts.inputSizes ?? [512]).map((inputSize) => ({ backend, inputSize })));
    for (const { backend, inputSize } of runs) {
      const detector = centerNetModelName(inputSize);
      const { page, requests } = await openBenchPage(browser, origin, opts.mediaDir);
      try {
        const args = {
          backend,
          detector: 'centernet',
          inputSize,
          images: opts.media.map((m) => `/bench-media/${m}`),
          frames: opts.framesFor(backend),
        };
        const run = (await withTimeout(
          page.evaluate(
            (a) => (window as unknown as { trackscopeBench: { runDetect(x: unknown): Promise<unknown> } }).trackscopeBench.runDetect(a),
            args,
          ),
          opts.capMs,
          `browser ${backend}`,
        )) as BrowserRun;
        const foreign = requests.filter((u) => !isLocal(u, origin));
        if (run.backend.name !== backend) {
          console.error(
            `browser ${backend}: unavailable, fell back to ${run.backend.name} (${run.backend.attempts.map((a) => a.detail).join('; ')})`,
          );
          continue;
        }
        const { crossOriginIsolated, wasmThreads } = run.environment;
        const note = [
          run.backend.renderer,
          wasmThreads === undefined ? '' : `${wasmThreads} WASM thread(s)`,
          crossOriginIsolated ? '' : 'not cross-origin isolated',
          run.backend.software ? 'software renderer' : '',
          foreign.length ? `${foreign.length} foreign requests!` : '',
        ]
          .filter(Boolean)
          .join(', ');
        rows.push(
          makeRow(
            {
              env: 'browser',
              backend,
              detector,
              loadMs: run.warmupMs,
              numTensorsBefore: run.numTensorsBefore,
              numTensorsAfter: run.numTensorsAfter,
              note,
            },
            run.samples,
          ),
        );
        console.error(`browser ${backend} ${detector}: ${run.samples.length} frames on ${run.backend.renderer}`);
      } catch (error) {
        console.error(`browser ${backend}: skipped (${error instanceof Error ? error.message : String(error)})`);
      } finally {
        await page.close().catch(() => {});
      }
    }
    return rows;
  });
}
