/**
 * Browser part of bench:ladder: every rung of bench/lib/ladderRun.ts in one
 * bench page (headless Chromium), round-robin over the frames like Node.
 */
import { isLocal } from '../../dev/browser';
import { withTimeout } from '../../src/core/util/withTimeout';
import type { BrowserLadderRun } from '../browser/main';
import { openBenchPage, withBenchBrowser, type BrowserBackend } from './browser-detect';

export interface BrowserLadderOptions {
  readonly backend: BrowserBackend;
  readonly mediaDir: string;
  readonly media: readonly string[];
  readonly rounds: number;
  /** Wall-clock cap for the whole page run, ms. */
  readonly capMs: number;
  /** WASM thread count to force (default: tfjs's own choice). */
  readonly wasmThreads?: number;
}

export async function benchBrowserLadder(opts: BrowserLadderOptions): Promise<BrowserLadderRun> {
  return withBenchBrowser(async (browser, origin) => {
    const { page, requests } = await openBenchPage(browser, origin, opts.mediaDir);
    page.on('console', (m) => {
      if (m.text().startsWith('ladder frame')) console.error(`chromium ${m.text()}`);
    });
    try {
      const args = {
        backend: opts.backend,
        images: opts.media.map((m) => `/bench-media/${m}`),
        rounds: opts.rounds,
        wasmThreads: opts.wasmThreads,
      };
      // withTimeout clears its timer: a bare setTimeout would keep the process alive for the whole cap.
      const run = (await withTimeout(
        page.evaluate(
          (a) =>
            (window as unknown as { trackscopeBench: { runLadderBench(x: unknown): Promise<unknown> } }).trackscopeBench.runLadderBench(a),
          args,
        ),
        opts.capMs,
        'the Chromium ladder run',
      )) as BrowserLadderRun;
      const foreign = requests.filter((u) => !isLocal(u, origin));
      if (foreign.length > 0) throw new Error(`the bench page made ${foreign.length} request(s) off this machine: ${foreign[0]}`);
      if (run.backend.name !== opts.backend)
        throw new Error(`${opts.backend} unavailable in Chromium; it fell back to ${run.backend.name}`);
      return run;
    } finally {
      await page.close().catch(() => {});
    }
  });
}
