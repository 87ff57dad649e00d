/** Pure helpers for the small SVG charts: nice ticks and linear/log scales. */
export interface Scale {
  (v: number): number;
  ticks: number[];
}

export function extent(values: readonly number[]): [number, number] {
  const f = values.filter(Number.isFinite);
  if (f.length === 0) return [0, 1];
  const lo = Math.min(...f),
    hi = Math.max(...f);
  return lo === hi ? [lo - 0.5 || -0.5, hi + 0.5 || 0.5] : [lo, hi];
}

/** About `count` round ticks covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const step0 = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  // The round step (1, 2 or 5 × 10^k) nearest to the raw step on a log scale.
  const step = [1, 2, 5, 10].map((m) => m * mag).reduce((a, b) => (Math.abs(Math.log(b / step0)) < Math.abs(Math.log(a / step0)) ? b : a));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Maps [lo, hi] (log10 if `log`) onto [r0, r1]. */
export function makeScale(lo: number, hi: number, r0: number, r1: number, log = false): Scale {
  const t = (v: number) => (log ? Math.log10(Math.max(v, 1e-300)) : v);
  const a = t(lo),
    b = t(hi);
  const s = ((v: number) => r0 + ((t(v) - a) / (b - a || 1)) * (r1 - r0)) as Scale;
  s.ticks = log
    ? Array.from({ length: Math.floor(b) - Math.ceil(a) + 1 }, (_, i) => Number((10 ** (Math.ceil(a) + i)).toPrecision(12)))
    : niceTicks(lo, hi);
  return s;
}

export function fmtTick(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-2 || a >= 1e4) ? v.toExponential(0) : String(Number(v.toPrecision(3)));
}
