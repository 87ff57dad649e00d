/**
 * `npm run bench:train -- --zoo`: the architecture zoo's comparison table
 * (parameters, validation accuracy, ms per epoch, inference ms per digit,
 * saved size) on the wasm and cpu backends, plus the longest stretch the
 * thread was blocked during each backend's run: the zoo runner yields between
 * batches, validation chunks and timed digits, so this is the longest "task"
 * the page would see (target < 100 ms on wasm). It is Node's event-loop delay
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution) over the same core code
 * the panel runs. cpu trains on fewer digits (tf.js's cpu backend is ~25×
 * slower), so its ms/epoch is for that subset. Then the same run on wasm in
 * headless Chromium (the bench page, bench/browser/), where the longest task
 * is what the browser itself reports: PerformanceObserver 'longtask' entries
 * (every main-thread task over 50 ms), the panel's situation exactly.
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

/** The responsiveness target for the longest main-thread task. */
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
      `${r.env} ${x.backend} (${r.digits} digits)`,
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
  for (const r of runs) {
    const what =
      r.env === 'browser' ? 'longest main-thread task (PerformanceObserver longtask)' : 'longest blocked stretch (event-loop delay)';
    const verdict =
      r.backend === 'wasm' ? (r.longestTaskMs < LONG_TASK_TARGET_MS ? 'met' : 'NOT met') : 'wasm is the app backend on CPU-only machines';
    console.log(`${r.env} ${r.backend}: ${what} ${r.longestTaskMs.toFixed(0)} ms (target < ${LONG_TASK_TARGET_MS} ms, ${verdict})`);
  }
}

export async function runZooBench({ epochs, digits, cpuDigits }: ZooBenchOptions): Promise<void> {
  registerWasmConvBackpropFilter();
  const runs = [
    await runBackend('wasm', digits, epochs),
    await runBackend('cpu', cpuDigits, 1),
    await benchZooBrowser({ backend: 'wasm', digits, epochs, valDigits: VAL_DIGITS }),
  ];
  printTable(runs);
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'zoo.json'), `${JSON.stringify({ date: new Date().toISOString(), tfjs: tf.version.tfjs, runs }, null, 2)}\n`);
}
