/** Median milliseconds of `fn` over `runs` calls after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(runs, 5)): number {
  for (let k = 0; k < warmup; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
