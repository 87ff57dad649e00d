/** Median of the first `n` values of `values` (sorts that prefix in place); NaN when n = 0. */
export function medianInPlace(values: Float32Array, n: number): number {
  if (n === 0) return Number.NaN;
  const v = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
