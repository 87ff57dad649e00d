/**
 * Hand-written 4x4 helpers for the Kalman filter. Matrices are row-major
 * Float64Arrays; no allocation inside the hot functions.
 */

/**
 * Cholesky factor of a symmetric positive-definite 4x4 matrix `a`: writes the
 * lower-triangular `l` (row-major, upper part zeroed) with a = l lᵀ. Throws
 * when `a` is not positive definite.
 */
export function cholesky4(a: ArrayLike<number>, l: Float64Array): Float64Array {
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (j > i) {
        l[i * 4 + j] = 0;
        continue;
      }
      let sum = a[i * 4 + j];
      for (let k = 0; k < j; k++) sum -= l[i * 4 + k] * l[j * 4 + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error(`cholesky4: matrix is not positive definite (pivot ${i} = ${sum})`);
        l[i * 4 + i] = Math.sqrt(sum);
      } else {
        l[i * 4 + j] = sum / l[j * 4 + j];
      }
    }
  }
  return l;
}

/** Squared norm of l⁻¹ d (forward substitution): the squared Mahalanobis distance of d. */
export function mahalanobisSquared4(l: Float64Array, d0: number, d1: number, d2: number, d3: number): number {
  const z0 = d0 / l[0];
  const z1 = (d1 - l[4] * z0) / l[5];
  const z2 = (d2 - l[8] * z0 - l[9] * z1) / l[10];
  const z3 = (d3 - l[12] * z0 - l[13] * z1 - l[14] * z2) / l[15];
  return z0 * z0 + z1 * z1 + z2 * z2 + z3 * z3;
}

/**
 * Solves (l lᵀ) x = b in place for the `cols` columns of the 4 x cols
 * row-major matrix `b` (forward then back substitution).
 */
export function choleskySolve4(l: Float64Array, b: Float64Array, cols: number): Float64Array {
  for (let c = 0; c < cols; c++) {
    // Forward: l y = b.
    for (let i = 0; i < 4; i++) {
      let sum = b[i * cols + c];
      for (let k = 0; k < i; k++) sum -= l[i * 4 + k] * b[k * cols + c];
      b[i * cols + c] = sum / l[i * 4 + i];
    }
    // Back: lᵀ x = y.
    for (let i = 3; i >= 0; i--) {
      let sum = b[i * cols + c];
      for (let k = i + 1; k < 4; k++) sum -= l[k * 4 + i] * b[k * cols + c];
      b[i * cols + c] = sum / l[i * 4 + i];
    }
  }
  return b;
}
