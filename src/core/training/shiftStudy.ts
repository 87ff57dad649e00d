/**
 * "Why CNNs: the shift test" on MNIST: trains the dense model (Flatten → 300
 * → 100 → 10) and LeNet-5, each with and without random-shift augmentation,
 * then sweeps each one's test accuracy over shifted test digits
 * (shiftTest.ts). Small by default (a subset, few epochs) so the four models
 * train in under a minute on WASM; every batch and sweep step yields a frame.
 */
import * as tf from '@tensorflow/tfjs';
import { randomShift } from './augment.ts';
import { disposeModel } from './disposeModel.ts';
import { buildLenet, DENSE_MNIST_CONFIG, type LenetConfig } from './lenetConfig.ts';
import { MNIST_PIXELS, MNIST_SIDE, mnistTensors, type MnistData, type MnistSplit } from './mnistData.ts';
import { mulberry32 } from './rng.ts';
import { accuracyVsShift, MAX_SHIFT, SHIFT_DIRECTIONS, shiftOffsets, type ShiftDirection } from './shiftTest.ts';
import { trainModel } from './trainer.ts';
import { yieldFrame } from './yieldFrame.ts';

export const SHIFT_MODELS = [
  { id: 'dense', label: 'dense', arch: DENSE_MNIST_CONFIG, augment: false },
  { id: 'dense-aug', label: 'dense + shift aug.', arch: DENSE_MNIST_CONFIG, augment: true },
  { id: 'lenet', label: 'LeNet-5', arch: {}, augment: false },
  { id: 'lenet-aug', label: 'LeNet-5 + shift aug.', arch: {}, augment: true },
] as const satisfies readonly { id: string; label: string; arch: Partial<LenetConfig>; augment: boolean }[];
export type ShiftModelId = (typeof SHIFT_MODELS)[number]['id'];

export interface ShiftStudyConfig {
  /** Training digits (a prefix of the seeded train split). */
  trainSize: number;
  /** Test digits swept (a prefix of the test split). */
  testSize: number;
  epochs: number;
  batchSize: number;
  /** Augmented models see each training digit moved by up to this many pixels (randomShift). */
  augmentShift: number;
  /** The sweep covers shifts 0..maxShift. */
  maxShift: number;
  direction: ShiftDirection;
  seed: number;
}

export const DEFAULT_SHIFT_STUDY: Readonly<ShiftStudyConfig> = {
  // 2000 digits × 3 epochs: ~40 s for all four on WASM (Node, 2 shared cores); dense falls visibly faster than LeNet.
  trainSize: 2000,
  testSize: 300,
  epochs: 3,
  batchSize: 32,
  augmentShift: 4,
  maxShift: MAX_SHIFT,
  direction: 'all',
  seed: 1,
};

/** Digits per predict call in the sweep: small, so no call blocks the page for long. */
const PREDICT_CHUNK = 100;

function intIn(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} is ${v}; allowed: integer ${lo}..${hi}`);
}

/** Copies the input over the defaults; throws naming the first bad value. */
export function validateShiftStudyConfig(input: Partial<ShiftStudyConfig> = {}): ShiftStudyConfig {
  const c = { ...DEFAULT_SHIFT_STUDY, ...input };
  intIn('trainSize', c.trainSize, 10, 100000);
  intIn('testSize', c.testSize, 10, 100000);
  intIn('epochs', c.epochs, 1, 50);
  intIn('batchSize', c.batchSize, 1, 512);
  intIn('augmentShift', c.augmentShift, 1, MAX_SHIFT);
  intIn('maxShift', c.maxShift, 1, MAX_SHIFT);
  if (!SHIFT_DIRECTIONS.includes(c.direction))
    throw new Error(`direction is ${JSON.stringify(c.direction)}; allowed: ${SHIFT_DIRECTIONS.join(', ')}`);
  intIn('seed', c.seed, -1e9, 1e9);
  return c;
}

export interface ShiftSeries {
  id: ShiftModelId;
  label: string;
  /** Test accuracy at shift 0..maxShift. */
  accuracy: number[];
}

export interface ShiftStudyHooks {
  signal?: AbortSignal;
  /** Overall fraction done and what is running now. */
  onProgress?: (fraction: number, status: string) => void;
  /** Each model's curve as soon as it is swept. */
  onSeries?: (s: ShiftSeries) => void;
}

/** Share of each model's progress spent training (the rest is the sweep). */
const TRAIN_SHARE = 0.8;

/** Test digits as 0..1 pixels, row-major, and their labels. */
function testSet(data: MnistData, indices: readonly number[]): { pixels: Float32Array; labels: number[] } {
  const pixels = new Float32Array(indices.length * MNIST_PIXELS);
  indices.forEach((idx, i) => {
    for (let p = 0; p < MNIST_PIXELS; p++) pixels[i * MNIST_PIXELS + p] = data.pixels[idx * MNIST_PIXELS + p] / 255;
  });
  return { pixels, labels: indices.map((i) => data.labels[i]) };
}

async function classifyWith(model: tf.LayersModel, pixels: Float32Array, count: number): Promise<Int32Array> {
  const out = new Int32Array(count);
  for (let start = 0; start < count; start += PREDICT_CHUNK) {
    const n = Math.min(PREDICT_CHUNK, count - start);
    const cls = tf.tidy(() => {
      const x = tf.tensor4d(pixels.subarray(start * MNIST_PIXELS, (start + n) * MNIST_PIXELS), [n, MNIST_SIDE, MNIST_SIDE, 1]);
      return tf.argMax(model.predict(x) as tf.Tensor, -1);
    });
    out.set(await cls.data(), start);
    cls.dispose();
    await yieldFrame();
  }
  return out;
}

/**
 * Trains and sweeps the four models in turn. Stops early (returning the
 * curves done so far, `stopped: true`) when `signal` aborts.
 */
export async function runShiftStudy(
  config: Partial<ShiftStudyConfig>,
  data: MnistData,
  split: MnistSplit,
  hooks: ShiftStudyHooks = {},
): Promise<{ series: ShiftSeries[]; stopped: boolean }> {
  const c = validateShiftStudyConfig(config);
  if (c.trainSize > split.train.length) throw new Error(`trainSize is ${c.trainSize}; allowed: integer 10..${split.train.length}`);
  if (c.testSize > split.test.length) throw new Error(`testSize is ${c.testSize}; allowed: integer 10..${split.test.length}`);
  const train = mnistTensors(data, split.train.slice(0, c.trainSize));
  const test = testSet(data, split.test.slice(0, c.testSize));
  const batches = Math.ceil(c.trainSize / c.batchSize);
  const sweepCalls = 1 + c.maxShift * shiftOffsets(c.direction, 1).length;
  const series: ShiftSeries[] = [];
  try {
    for (const [m, spec] of SHIFT_MODELS.entries()) {
      const report = (f: number, what: string) => hooks.onProgress?.((m + f) / SHIFT_MODELS.length, `${spec.label}: ${what}`);
      const model = buildLenet({ ...spec.arch, seed: c.seed });
      try {
        const rng = mulberry32(c.seed + m);
        let epoch = 0;
        const r = await trainModel(
          model,
          { x: train.x, y: train.y },
          {
            epochs: c.epochs,
            batchSize: c.batchSize,
            seed: c.seed,
            signal: hooks.signal,
            augment: spec.augment ? (x) => randomShift(x, c.augmentShift, rng) : undefined,
            callbacks: [
              {
                onBatchEnd: (b) =>
                  report((TRAIN_SHARE * (epoch + (b + 1) / batches)) / c.epochs, `training, epoch ${epoch + 1}/${c.epochs}`),
                onEpochEnd: () => void epoch++,
              },
            ],
          },
        );
        if (r.stopReason === 'aborted') return { series, stopped: true };
        let calls = 0;
        const classify = async (pixels: Float32Array, count: number) => {
          if (hooks.signal?.aborted) throw new DOMException('shift test stopped', 'AbortError');
          report(TRAIN_SHARE + ((1 - TRAIN_SHARE) * calls++) / sweepCalls, 'testing shifted digits');
          return classifyWith(model, pixels, count);
        };
        const accuracy = await accuracyVsShift(classify, test.pixels, test.labels, {
          height: MNIST_SIDE,
          width: MNIST_SIDE,
          maxShift: c.maxShift,
          direction: c.direction,
        });
        const s: ShiftSeries = { id: spec.id, label: spec.label, accuracy };
        series.push(s);
        hooks.onSeries?.(s);
      } finally {
        disposeModel(model);
      }
    }
    hooks.onProgress?.(1, 'done');
    return { series, stopped: false };
  } catch (e) {
    if ((e as Error).name === 'AbortError') return { series, stopped: true };
    throw e;
  } finally {
    tf.dispose([train.x, train.y]);
  }
}
