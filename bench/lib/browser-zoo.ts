/**
 * Browser part of `bench:train -- --zoo`: builds and serves the bench page
 * (bench/browser/, `vite build --mode bench`), runs the architecture zoo in
 * the zoo worker through the panel's own client (src/app/training/zooClient)
 * in headless Chromium, and reads back the rows and the longest main-thread
 * task the browser reported while the worker trained. As a baseline in the
 * same run, it also trains on the page's main thread, as the panel did before
 * the worker.
 */
import { startAppServer } from '../../dev/appServer';
import { isLocal, launchChromium, recordRequests } from '../../dev/browser';
import type { ZooBenchRun } from '../../src/core/training/zooBench';
import type { ZooResult } from '../../src/core/training/zooRun';
import type { ZooWorkerStats } from '../../src/app/training/zooProtocol';

/** Where the browser part trains: the zoo worker (the panel's path) or the page's main thread (the baseline). */
export const ZOO_BROWSER_WHERE = ['worker', 'main thread'] as const;
export type ZooBrowserWhere = (typeof ZOO_BROWSER_WHERE)[number];

export interface ZooBackendRun {
  env: 'node' | 'browser';
  /** Browser only. */
  where?: ZooBrowserWhere;
  backend: string;
  digits: number;
  epochs: number;
  /** Node: the largest event-loop delay; browser: the longest 'longtask' entry (0 when none passed 50 ms). */
  longestTaskMs: number;
  /** The same, per row (which model's run it fell in). */
  longestTaskMsPerRow: number[];
  /** Browser only: how many main-thread tasks took over 50 ms. */
  longTasks?: number;
  rows: ZooResult[];
  /** Browser only: the zoo worker's tensors around the run and batches trained. */
  worker?: ZooWorkerStats;
}

/** What the page's `trackscopeBench.runZoo` returns (times in the page's performance.now() clock). */
export interface BrowserZooRun {
  backend: string;
  rows: ZooResult[];
  /** Every main-thread task over 50 ms. */
  longTasks: { start: number; ms: number }[];
  /** When the run started (the worker's backend was up), then when each row arrived. */
  rowBounds: number[];
  /** Absent for the main-thread baseline. */
  worker?: ZooWorkerStats;
}

/** The longest task that started during each row's run (0 where none passed 50 ms). */
export function longestPerRow(tasks: BrowserZooRun['longTasks'], rowBounds: readonly number[]): number[] {
  return rowBounds.slice(1).map((end, i) => Math.max(0, ...tasks.filter((t) => t.start >= rowBounds[i] && t.start < end).map((t) => t.ms)));
}

type BenchWindow = {
  trackscopeBench: Record<'runZoo' | 'runZooMainThread', (x: ZooBenchRun & { backend: string }) => Promise<BrowserZooRun>>;
};

/** One browser run per entry of `wheres`, each in a fresh page, in order. */
export async function benchZooBrowser(
  opts: ZooBenchRun & { backend: 'wasm' | 'cpu' },
  wheres: readonly ZooBrowserWhere[] = ZOO_BROWSER_WHERE,
): Promise<ZooBackendRun[]> {
  const server = await startAppServer({ mode: 'bench' });
  const browser = await launchChromium();
  const runs: ZooBackendRun[] = [];
  try {
    for (const where of wheres) {
      const page = await browser.newPage();
      const requests = recordRequests(page);
      page.on('console', (m) => m.text().startsWith('[zoo]') && console.error(`[browser ${opts.backend}, ${where}] ${m.text().slice(6)}`));
      await page.goto(`${server.origin}/bench/browser/index.html`);
      await page.waitForFunction(() => 'trackscopeBench' in window);
      const fn = where === 'worker' ? 'runZoo' : 'runZooMainThread';
      const run = await page.evaluate(([f, a]) => (window as unknown as BenchWindow).trackscopeBench[f](a), [fn, opts] as const);
      await page.close();
      const foreign = requests.filter((u) => !isLocal(u, server.origin));
      if (foreign.length) throw new Error(`the bench page made ${foreign.length} foreign requests: ${foreign.join(', ')}`);
      if (run.backend !== opts.backend) throw new Error(`browser ${opts.backend} unavailable (got ${run.backend})`);
      const perRow = longestPerRow(run.longTasks, run.rowBounds);
      runs.push({
        env: 'browser',
        where,
        backend: run.backend,
        digits: opts.digits,
        epochs: opts.epochs,
        longestTaskMs: Math.max(...perRow),
        longestTaskMsPerRow: perRow,
        longTasks: run.longTasks.filter((t) => t.start >= run.rowBounds[0]).length,
        rows: run.rows,
        worker: run.worker,
      });
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
  }
}
