/**
 * Activation functions and their derivatives as pure scalar/vector functions,
 * for plots and for checking the study note's formulas. No tensors here.
 */
export const ACTIVATION_NAMES = ['sign', 'sigmoid', 'tanh', 'relu', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Heaviside-style sign used by the TLU: -1, 0 or +1. */
export const sign = (z: number): number => (z > 0 ? 1 : z < 0 ? -1 : 0);
/** Derivative of sign is 0 everywhere it exists (undefined at 0; we return 0). */
export const signDerivative = (_z: number): number => 0;

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
export const sigmoidDerivative = (z: number): number => {
  const s = sigmoid(z);
  return s * (1 - s);
};

export const tanh = (z: number): number => Math.tanh(z);
export const tanhDerivative = (z: number): number => 1 - Math.tanh(z) ** 2;

export const relu = (z: number): number => (z > 0 ? z : 0);
/** Subgradient convention: 0 at z = 0 (same as tf.js). */
export const reluDerivative = (z: number): number => (z > 0 ? 1 : 0);

/** Numerically stable softmax (subtracts the max logit). */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Jacobian J[i][j] = ∂softmax_i/∂z_j = s_i(δ_ij − s_j). */
export function softmaxJacobian(z: readonly number[]): number[][] {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}

export type ScalarActivation = Exclude<ActivationName, 'softmax'>;

const SCALAR: Record<ScalarActivation, [(z: number) => number, (z: number) => number]> = {
  sign: [sign, signDerivative],
  sigmoid: [sigmoid, sigmoidDerivative],
  tanh: [tanh, tanhDerivative],
  relu: [relu, reluDerivative],
};

/**
 * Samples f and f' on `xs` for plotting. Softmax is plotted as the first
 * component of softmax([z, 0]) (which equals sigmoid(z)) and its diagonal derivative.
 */
export function activationCurve(name: ActivationName, xs: readonly number[]): { y: number[]; dy: number[] } {
  if (name === 'softmax') {
    const y = xs.map((z) => softmax([z, 0])[0]);
    return { y, dy: xs.map((z) => softmaxJacobian([z, 0])[0][0]) };
  }
  const pair = SCALAR[name];
  if (!pair) throw new Error(`activation is ${JSON.stringify(name)}; allowed: ${ACTIVATION_NAMES.join(', ')}`);
  return { y: xs.map(pair[0]), dy: xs.map(pair[1]) };
}
