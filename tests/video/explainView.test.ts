/** The internals panel's view of a tracker explanation: labels, captions, and the all-tracks × all-detections matrix. */
import { describe, expect, it } from 'vitest';
import { combinedCosts, passCaption, passMatches, trackLabel } from '../../src/app/video/explainView';
import { Tracker, type TrackerExplanation } from '../../src/core/tracking';

describe('internals view', () => {
  it('lays every pass into one tracks × detections matrix, first pass first, with all matches', () => {
    const tracker = new Tracker({ frameRate: 10, nInit: 0, highScoreThreshold: 0.6, lowScoreThreshold: 0.2, newTrackScoreThreshold: 0.6 });
    const a = (f: number, score = 0.9) => ({ box: [100 + 5 * f, 100, 40, 100] as const, score });
    const b = (f: number, score = 0.9) => ({ box: [400 - 5 * f, 120, 40, 100] as const, score });
    for (let f = 1; f <= 3; f++) tracker.update([a(f), b(f)]);
    let e: TrackerExplanation | undefined;
    tracker.update([a(4), b(4, 0.4), { box: [700, 300, 40, 100], score: 0.9 }], undefined, (x) => (e = x));
    const { values, matches } = combinedCosts(e!);
    expect(values).toHaveLength(2 * 3);
    // Track 0 took detection 0 in the cascade; track 1 the low-score detection 1 in the ByteTrack pass.
    expect(matches).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(values[0]).toBeLessThan(0.2);
    expect(values[1 * 3 + 1]).toBeLessThan(0.5);
    expect(values[2]).toBe(Infinity); // far away: rejected
    const byte = e!.passes.find((p) => p.pass === 'byte')!;
    expect(passMatches(byte)).toEqual([[0, 0]]);
    expect(passCaption(byte)).toMatch(/^ByteTrack pass/);
    expect(passCaption(e!.passes[0])).toMatch(/^Matching cascade.*level 1$/);
    expect(e!.tracks.map(trackLabel)).toEqual(['#1', '#2']);
  });
});
