/**
 * `npm run bench:train -- --zoo`: the architecture zoo's comparison table
 * (parameters, validation accuracy, ms per epoch, inference ms per digit,
 * saved size) on the wasm and cpu backends, plus the longest stretch the
 * thread was blocked during each backend's run: the zoo runner yields between
 * batches, validation chunks and timed digits, so this is the longest "task"
 * the page would see (target < 100 ms on wasm). It is Node's event-loop delay
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution) over the same core code
 * the panel runs. cpu trains on fewer digits (tf.js's cpu backend is ~25×
 * slower), so its ms/epoch is for that subset.
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
import { labelsOf, mnistTensors, splitMnist } from '../src/core/training/mnistData.ts';
import { ZOO_LABELS, ZOO_PRESETS } from '../src/core/training/zooModels.ts';
import { runZooModel, validateZooRunConfig, type ZooResult } from '../src/core/training/zooRun.ts';

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

async function runBackend(backend: NodeBackend, digits: number, epochs: number) {
  await useNodeBackend(backend);
  const mnist = loadMnistFs();
  const split = splitMnist(mnist.count);
  const train = mnistTensors(mnist, split.train.slice(0, digits));
  const valIdx = split.val.slice(0, VAL_DIGITS);
  const val = mnistTensors(mnist, valIdx);
  const rows: ZooResult[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    for (const preset of ZOO_PRESETS) {
      for (const skip of preset === 'residual' ? [true, false] : [true]) {
        const row = await runZooModel(validateZooRunConfig({ preset, epochs, skip }), {
          x: train.x,
          y: train.y,
          xVal: val.x,
          valLabels: labelsOf(mnist, valIdx),
        });
        console.error(
          `[${backend}] ${preset}${skip ? '' : ' (no skip)'}: ${Math.round(row.msPerEpoch)} ms/epoch, val ${(row.valAccuracy * 100).toFixed(1)}%`,
        );
        rows.push(row);
      }
    }
  } finally {
    delay.disable();
    tf.dispose([train.x, train.y, val.x, val.y]);
  }
  return { backend, digits, epochs, longestTaskMs: delay.max / 1e6, rows };
}

function printTable(runs: Awaited<ReturnType<typeof runBackend>>[]): void {
  const head = ['model', 'backend', 'params', 'val acc', 'ms/epoch', 'infer ms/digit', 'saved KiB'];
  const lines = runs.flatMap((r) =>
    r.rows.map((x) => [
      `${ZOO_LABELS[x.preset]}${x.preset === 'residual' && !x.skip ? ' (no skip)' : ''}`,
      `${x.backend} (${r.digits} digits)`,
      x.params.toLocaleString('en-US'),
      `${(x.valAccuracy * 100).toFixed(1)}%`,
      String(Math.round(x.msPerEpoch)),
      x.inferenceMsPerDigit.toFixed(2),
      (x.savedBytes / 1024).toFixed(1),
    ]),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const l of [head, ...lines]) console.log(l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  for (const r of runs)
    console.log(
      `${r.backend}: longest blocked stretch ${r.longestTaskMs.toFixed(0)} ms (target < ${LONG_TASK_TARGET_MS} ms${r.backend === 'wasm' ? (r.longestTaskMs < LONG_TASK_TARGET_MS ? ', met' : ', NOT met') : ', wasm is the app backend on CPU-only machines'})`,
    );
}

export async function runZooBench({ epochs, digits, cpuDigits }: ZooBenchOptions): Promise<void> {
  registerWasmConvBackpropFilter();
  const runs = [await runBackend('wasm', digits, epochs), await runBackend('cpu', cpuDigits, 1)];
  printTable(runs);
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'zoo.json'), `${JSON.stringify({ date: new Date().toISOString(), tfjs: tf.version.tfjs, runs }, null, 2)}\n`);
}
