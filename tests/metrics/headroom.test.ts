import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/metrics/index.ts';
import { matchedGtIds, oracleLink, oracleSplit } from '../../src/core/metrics/headroom.ts';
import type { MotRow } from '../../src/core/metrics/index.ts';

const row = (frame: number, id: number, x: number): MotRow => ({ frame, id, box: [x, 0, 10, 20], conf: 1 });
/** Two people, at x = 0 (gt 1) and x = 100 (gt 2), on frames 1–10. */
const GT = Array.from({ length: 10 }, (_, f) => [row(f + 1, 1, 0), row(f + 1, 2, 100)]).flat();

describe('headroom oracles', () => {
  it('matches each row to the ground truth it overlaps at IoU >= 0.5', () => {
    expect([...matchedGtIds([row(1, 7, 1), row(1, 8, 100), row(1, 9, 50)], GT)]).toEqual([1, 2, -1]);
  });

  it('oracle linking joins the fragments of one person into one id', () => {
    // gt 1 is tracked as id 5 on frames 1–4 and as id 6 on frames 6–10.
    const rows = [...[1, 2, 3, 4].map((f) => row(f, 5, 0)), ...[6, 7, 8, 9, 10].map((f) => row(f, 6, 0))];
    const linked = oracleLink(rows, GT);
    expect(new Set(linked.map((r) => r.id)).size).toBe(1);
    expect(evaluate(GT, linked).IDF1).toBeGreaterThan(evaluate(GT, rows).IDF1);
    expect(evaluate(GT, linked).idtp).toBe(9);
  });

  it('oracle splitting cuts a track that switches person, and ignores short excursions', () => {
    // Id 3 follows gt 1 on frames 1–5, then gt 2 on frames 6–10; id 4 visits gt 2 for one frame only.
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((f) => row(f, 3, f <= 5 ? 0 : 100));
    const split = oracleSplit(rows, GT, 2);
    expect(split.filter((r) => r.frame <= 5).every((r) => r.id === 3)).toBe(true);
    expect(new Set(split.filter((r) => r.frame > 5).map((r) => r.id))).toEqual(new Set([4])); // a fresh id above every existing one
    expect(evaluate(GT, split).idtp).toBe(10);
    expect(evaluate(GT, rows).idtp).toBe(5);
    const blip = [1, 2, 3, 4, 5, 6].map((f) => row(f, 4, f === 3 ? 100 : 0));
    expect(new Set(oracleSplit(blip, GT, 2).map((r) => r.id))).toEqual(new Set([4]));
  });
});
