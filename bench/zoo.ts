/**
 * `npm run bench:train -- --zoo`: the architecture zoo's comparison table
 * (parameters, validation accuracy, ms per epoch, inference ms per digit,
 * saved size) on the wasm and cpu backends in Node, then on wasm in headless
 * Chromium (the bench page, bench/browser/), where the zoo trains in the zoo
 * worker through the panel's own client, exactly the panel's path.
 *
 * The responsiveness target (issue 13: the longest main-thread task during a
 * zoo run under 100 ms) is the browser row's number: PerformanceObserver
 * 'longtask' entries (every main-thread task over 50 ms) while the worker
 * trains. The Node rows give a different number: the longest stretch the
 * core code blocks its own thread (perf_hooks.monitorEventLoopDelay, 10 ms
 * resolution), i.e. what a page would see if it trained on its main thread,
 * which the panel no longer does. cpu trains on fewer digits (tf.js's cpu
 * backend is ~25× slower), so its ms/epoch is for that subset.
 * Options (declared in bench/train.ts): --zoo-epochs N (2), --zoo-digits N (2000), --cpu-digits N (320).
 * Writes bench/results/zoo.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend, type NodeBackend } from '../src/node/backend.ts';
import { registerWasmConvBackpropFilter } from '../src/core/training/wasmConvBackpropFilter.ts';
import { loadMnistFs } from '../src/node/training/mnistFs.ts';
import { runZooBenchRows } from '../src/core/training/zooBench.ts';
import { ZOO_LABELS } from '../src/core/training/zooModels.ts';
import { benchZooBrowser, type ZooBackendRun } from './lib/browser-zoo.ts';

/** The issue's responsiveness target for the longest main-thread task. */
const LONG_TASK_TARGET_MS = 100;
const VAL_DIGITS = 500;

export interface ZooBenchOptions {
  /** Epochs per model on wasm (cpu runs one). */
  readonly epochs: number;
  /** Training digits on wasm. */
  readonly digits: number;
  /** Training digits on cpu. */
  readonly cpuDigits: number;
}

async function runBackend(backend: NodeBackend, digits: number, epochs: number): Promise<ZooBackendRun> {
  await useNodeBackend(backend);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const perRow: number[] = [];
  delay.enable();
  try {
    const rows = await runZooBenchRows(loadMnistFs(), { digits, epochs, valDigits: VAL_DIGITS }, (row) => {
      perRow.push(delay.max / 1e6);
      delay.reset();
      console.error(
        `[${backend}] ${row.preset}${row.skip ? '' : ' (no skip)'}: ${Math.round(row.msPerEpoch)} ms/epoch, val ${(row.valAccuracy * 100).toFixed(1)}%`,
      );
    });
    return { env: 'node', backend, digits, epochs, longestTaskMs: Math.max(...perRow), longestTaskMsPerRow: perRow, rows };
  } finally {
    delay.disable();
  }
}

function printTable(runs: readonly ZooBackendRun[]): void {
  const head = ['model', 'where', 'params', 'val acc', 'ms/epoch', 'infer ms/digit', 'saved KiB', 'longest task ms'];
  const lines = runs.flatMap((r) =>
    r.rows.map((x, i) => [
      `${ZOO_LABELS[x.preset]}${x.preset === 'residual' && !x.skip ? ' (no skip)' : ''}`,
      `${r.env} ${x.backend}${r.where ? `, ${r.where}` : ''} (${r.digits} digits)`,
      x.params.toLocaleString('en-US'),
      `${(x.valAccuracy * 100).toFixed(1)}%`,
      String(Math.round(x.msPerEpoch)),
      x.inferenceMsPerDigit.toFixed(2),
      (x.savedBytes / 1024).toFixed(1),
      r.env === 'browser' && r.longestTaskMsPerRow[i] === 0 ? '< 50' : String(Math.round(r.longestTaskMsPerRow[i])),
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const l of [head, ...lines]) console.log(l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  for (const r of runs) console.log(verdictLine(r));
}

/** One line per run saying what its longest-task number is; only the worker row is the issue's target. */
function verdictLine(r: ZooBackendRun): string {
  // The browser reports only tasks over 50 ms: 0 means none did.
  const ms = r.env === 'browser' && r.longestTaskMs === 0 ? 'under 50 ms' : `${r.longestTaskMs.toFixed(0)} ms`;
  if (r.env === 'node') return `not the target: node ${r.backend}, the core code on one thread: longest event-loop delay ${ms}`;
  const tasks = `PerformanceObserver longtask, ${r.longTasks ?? 0} tasks over 50 ms`;
  if (r.where === 'main thread')
    return `baseline: browser ${r.backend}, zoo on the page's main thread (the panel before): longest task ${ms} (${tasks})`;
  const verdict = r.longestTaskMs < LONG_TASK_TARGET_MS ? 'met' : 'NOT met';
  const w = r.worker;
  const worker = w ? `; worker: ${w.batches} batches, tensors ${w.numTensorsBefore} before, ${w.numTensorsAfter} after` : '';
  return `TARGET: browser ${r.backend}, zoo in its worker (the panel now): longest main-thread task ${ms} (${tasks}; target < ${LONG_TASK_TARGET_MS} ms, ${verdict})${worker}`;
}

export async function runZooBench({ epochs, digits, cpuDigits }: ZooBenchOptions): Promise<void> {
  registerWasmConvBackpropFilter();
  const runs = [
    await runBackend('wasm', digits, epochs),
    await runBackend('cpu', cpuDigits, 1),
    ...(await benchZooBrowser({ backend: 'wasm', digits, epochs, valDigits: VAL_DIGITS })),
  ];
  printTable(runs);
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'zoo.json'), `${JSON.stringify({ date: new Date().toISOString(), tfjs: tf.version.tfjs, runs }, null, 2)}\n`);
}
