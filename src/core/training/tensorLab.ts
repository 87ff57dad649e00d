/**
 * The tensor sandbox's operations, each returning plain values and disposing
 * every tensor it makes: rank/shape/dtype, cast, a chained method against the
 * op function, a variable against a constant, sparse → dense and a ragged
 * batch padded with a mask. TF.js has no SparseTensor and no RaggedTensor:
 * sparse data is (indices, values, shape) made dense with tf.scatterND, and a
 * ragged batch is padded to the longest row plus a 0/1 mask.
 */
import * as tf from '@tensorflow/tfjs';

export const LAB_DTYPES = ['float32', 'int32', 'bool'] as const;
export type LabDtype = (typeof LAB_DTYPES)[number];

export type Nested = number | boolean | Nested[];

export interface TensorInfo {
  rank: number;
  shape: number[];
  dtype: string;
  values: Nested;
  size: number;
}

/** Parses a JSON array literal such as `[[1, 2], [3, 4]]`; throws naming the problem. */
export function parseTensorLiteral(text: string): Nested {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`tensor literal is not valid JSON (${(e as Error).message}); example: [[1, 2], [3, 4]]`, { cause: e });
  }
  const ok = (x: unknown): boolean => typeof x === 'number' || typeof x === 'boolean' || (Array.isArray(x) && x.every(ok));
  if (!ok(v)) throw new Error('tensor literal must hold only numbers, booleans and arrays; example: [[1, 2], [3, 4]]');
  return v as Nested;
}

/** Runs `fn` and disposes every tensor it made; for functions that return plain values (tf.tidy only returns tensors). */
function plain<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

function info(t: tf.Tensor): TensorInfo {
  const raw = t.arraySync() as Nested;
  const asBool = (v: Nested): Nested => (Array.isArray(v) ? v.map(asBool) : v !== 0 && v !== false);
  return { rank: t.rank, shape: [...t.shape], dtype: t.dtype, values: t.dtype === 'bool' ? asBool(raw) : raw, size: t.size };
}

/**
 * Cast with bool meaning "non-zero": tfjs-backend-wasm 4.22's Cast to bool
 * passes the values through (2 stays 2), so bool goes through notEqual(x, 0).
 */
function castTensor(t: tf.Tensor, to: LabDtype): tf.Tensor {
  return to === 'bool' ? tf.notEqual(t, 0) : tf.cast(t, to);
}

/** Builds the tensor (throws tf's message on a non-rectangular literal), then casts it. */
export function describeAndCast(values: Nested, dtype: LabDtype, castTo: LabDtype): { tensor: TensorInfo; cast: TensorInfo } {
  return plain(() => {
    const t = tf.tensor(values as number[], undefined, dtype);
    return { tensor: info(t), cast: info(castTensor(t, castTo)) };
  });
}

export const LAB_OPS = ['add', 'sub', 'mul', 'div'] as const;
export type LabOp = (typeof LAB_OPS)[number];

/** `a.add(b)` (the chained method, TF.js's stand-in for Python's `a + b`) against `tf.add(a, b)`. */
export function methodVsOp(a: Nested, b: Nested, op: LabOp): { method: Nested; fn: Nested; same: boolean } {
  return plain(() => {
    const ta = tf.tensor(a as number[]);
    const tb = tf.tensor(b as number[]);
    const method = ta[op](tb);
    const fn = tf[op](ta, tb);
    return { method: method.arraySync() as Nested, fn: fn.arraySync() as Nested, same: tf.all(tf.equal(method, fn)).arraySync() === 1 };
  });
}

/** A variable changes in place with assign(); a constant tensor never does (ops return new tensors). */
export function variableVsConstant(values: Nested, delta: number): { constantAfter: Nested; variableAfter: Nested; trainable: boolean } {
  const c = tf.tensor(values as number[]);
  const v = tf.variable(c); // shares c's data until assign() gives it new data
  try {
    tf.tidy(() => {
      v.assign(v.add(delta));
      c.add(delta); // a new tensor; c itself is unchanged
    });
    return { constantAfter: c.arraySync() as Nested, variableAfter: v.arraySync() as Nested, trainable: v.trainable };
  } finally {
    tf.dispose([c, v]);
  }
}

/** Sparse (indices, values, dense shape) made dense with scatterND; missing entries are 0. */
export function sparseToDense(indices: number[][], values: number[], shape: number[]): Nested {
  if (indices.length !== values.length)
    throw new Error(`sparse tensor has ${indices.length} indices and ${values.length} values; they must match`);
  indices.forEach((ix, i) => {
    if (ix.length !== shape.length || ix.some((v, d) => !Number.isInteger(v) || v < 0 || v >= shape[d]))
      throw new Error(`sparse index #${i} [${ix.join(', ')}] is outside the shape [${shape.join(', ')}]`);
  });
  return plain(
    () => tf.scatterND(tf.tensor2d(indices, [indices.length, shape.length], 'int32'), tf.tensor1d(values), shape).arraySync() as Nested,
  );
}

/** Pads each row to the longest with `pad` and returns the 0/1 mask of real entries. */
export function padRagged(rows: number[][], pad = 0): { padded: number[][]; mask: number[][]; maskedMean: number[] } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<number>(width - r.length).fill(pad)]);
  const mask = rows.map((r) => Array.from({ length: width }, (_, i) => (i < r.length ? 1 : 0)));
  // A masked reduction ignores the padding: sum(x · mask) / sum(mask) per row.
  const maskedMean = plain(() => {
    const x = tf.tensor2d(padded, [rows.length, width]);
    const m = tf.tensor2d(mask, [rows.length, width]);
    return Array.from(x.mul(m).sum(1).div(m.sum(1).maximum(1)).dataSync());
  });
  return { padded, mask, maskedMean };
}
