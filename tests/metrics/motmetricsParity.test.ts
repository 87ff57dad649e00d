/**
 * Parity with py-motmetrics' own tests on the TUD pairs (shared data folder
 * `motmetrics/`): every value in expected.json, at its stated tolerance.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combine, evaluate, type MotMetrics } from '../../src/core/metrics/index.ts';
import { readMotFile } from '../../src/core/metrics/readMotFile.ts';
import { readExpected } from '../helpers/motExpected.ts';

interface Expected {
  pairs: Record<string, { gt: string; tracker: string }>;
  clear_and_identity: Record<string, Record<string, number>>;
  hota: Record<string, { hota: number; deta: number; assa: number }>;
}

/** py-motmetrics metric name -> our field. */
const FIELD: Record<string, keyof MotMetrics> = {
  idf1: 'IDF1',
  idp: 'IDP',
  idr: 'IDR',
  recall: 'recall',
  precision: 'precision',
  num_unique_objects: 'numUniqueObjects',
  mostly_tracked: 'MT',
  partially_tracked: 'PT',
  mostly_lost: 'ML',
  num_false_positives: 'FP',
  num_misses: 'FN',
  num_switches: 'IDSW',
  num_fragmentations: 'fragmentations',
  mota: 'MOTA',
  motp: 'MOTP',
};
const CLEAR_ABS_TOL = 1e-3;
const HOTA_REL_TOL = 1e-6;

const { dir, expected } = readExpected<Expected>('motmetrics');

async function evaluatePair(name: string): Promise<MotMetrics> {
  const pair = expected.pairs[name];
  const [gt, res] = await Promise.all([readMotFile(join(dir, pair.gt)), readMotFile(join(dir, pair.tracker))]);
  return evaluate(gt, res, { iouThreshold: 0.5 });
}

describe('py-motmetrics parity (motmetrics/expected.json)', async () => {
  const names = Object.keys(expected.pairs);
  const results = new Map<string, MotMetrics>();
  for (const name of names) results.set(name, await evaluatePair(name));
  results.set('OVERALL', combine(names.map((n) => results.get(n)!)));

  const clearCases = Object.entries(expected.clear_and_identity).flatMap(([seq, values]) =>
    Object.entries(values).map(([metric, value]) => [seq, metric, value] as const),
  );
  it.each(clearCases)('%s %s = %d (abs 1e-3)', (seq, metric, value) => {
    const field = FIELD[metric];
    expect(field, `unmapped metric ${metric}`).toBeDefined();
    const actual = results.get(seq)![field] as number;
    expect(Math.abs(actual - value), `${seq} ${metric}: got ${actual}`).toBeLessThanOrEqual(CLEAR_ABS_TOL);
    if (Number.isInteger(value)) expect(actual).toBe(value);
  });

  const hotaCases = Object.entries(expected.hota).flatMap(([seq, v]) => [
    [seq, 'HOTA', v.hota] as const,
    [seq, 'DetA', v.deta] as const,
    [seq, 'AssA', v.assa] as const,
  ]);
  it.each(hotaCases)('%s %s = %d (rel 1e-6)', (seq, field, value) => {
    const actual = results.get(seq)![field];
    expect(Math.abs(actual - value) / Math.abs(value), `${seq} ${field}: got ${actual}`).toBeLessThanOrEqual(HOTA_REL_TOL);
  });
});
