/**
 * MOT17 devkit parity at scale (shared data folder `mot17-lift/`): 21
 * Lif_T result files against MOT17 train ground truth, with the protocol
 * stated in expected.json, summed over all pairs. Also the speed benchmark.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMot17Protocol, combine, evaluate, type MotMetrics, type MotRow } from '../../src/core/metrics/index.ts';
import { readMotFile } from '../../src/core/metrics/readMotFile.ts';
import { readExpected } from '../helpers/motExpected.ts';

interface Expected {
  overall: Record<string, number>;
}

const SEQUENCES = ['02', '04', '05', '09', '10', '11', '13'];
const DETECTORS = ['DPM', 'FRCNN', 'SDP'];
const FIELD: Record<string, keyof MotMetrics> = {
  num_false_positives: 'FP',
  num_misses: 'FN',
  mostly_tracked: 'MT',
  partially_tracked: 'PT',
  mostly_lost: 'ML',
  num_fragmentations: 'fragmentations',
  num_switches: 'IDSW',
};

const { dir, expected } = readExpected<Expected>('mot17-lift');

describe('MOT17 devkit parity (mot17-lift/expected.json)', async () => {
  const gtBySeq = new Map<string, MotRow[]>();
  const resByPair = new Map<string, MotRow[]>();
  const tRead = performance.now();
  for (const seq of SEQUENCES) {
    gtBySeq.set(seq, await readMotFile(join(dir, 'gt', `MOT17-${seq}`, 'gt.txt')));
    for (const det of DETECTORS) {
      resByPair.set(`${seq}-${det}`, await readMotFile(join(dir, 'Lif_T', `MOT17-${seq}-${det}.txt`)));
    }
  }
  const readMs = performance.now() - tRead;

  const tEval = performance.now();
  const perPair: MotMetrics[] = [];
  for (const seq of SEQUENCES) {
    for (const det of DETECTORS) {
      const { gt, res } = applyMot17Protocol(gtBySeq.get(seq)!, resByPair.get(`${seq}-${det}`)!);
      perPair.push(evaluate(gt, res, { iouThreshold: 0.5 }));
    }
  }
  const evalMs = performance.now() - tEval;
  const overall = combine(perPair);
  console.log(
    `mot17-lift: ${perPair.length} pairs, parse ${(readMs / 1000).toFixed(2)} s, ` +
      `protocol + evaluate (CLEAR, identity, HOTA) ${(evalMs / 1000).toFixed(2)} s`,
  );

  it('evaluates all 21 pairs (timings are logged; speed is benchmarked, never asserted)', () => {
    expect(perPair).toHaveLength(21);
  });

  it.each(Object.entries(expected.overall))('OVERALL %s = %d', (metric, value) => {
    const field = FIELD[metric];
    expect(field, `unmapped metric ${metric}`).toBeDefined();
    expect(overall[field]).toBe(value);
  });
});
