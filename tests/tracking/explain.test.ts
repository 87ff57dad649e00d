/**
 * `Tracker.update`'s optional observer: it must not change what the tracker
 * does (same outputs on a real MOT15 sequence, every frame observed), and
 * what it reports must be what happened (the matches are the ones the
 * tracker made, the cost matrices have the pass's shape, the gate agrees
 * with the Mahalanobis distance, the cascade level and ByteTrack pass are
 * named).
 */
import { describe, expect, it } from 'vitest';
import { gateEllipse, gatingDistance, Tracker, type TrackerExplanation } from '../../src/core/tracking/index.ts';
import { DEFAULT_KALMAN_PARAMS, configForFrameRate } from '../../src/core/tracking/config.ts';
import { loadMotSequence } from '../../src/node/motSequence.ts';
import { requireMotData } from '../helpers/motData.ts';
import { makeDetection } from './helpers.ts';

describe('tracker explanation', () => {
  it('observing every update leaves the outputs identical (MOT15 TUD-Campus det.txt)', async () => {
    const seq = await loadMotSequence(`${requireMotData('mot15')}/TUD-Campus`);
    const config = configForFrameRate({}, seq.frameRate);
    const plain = new Tracker(config);
    const observed = new Tracker(config);
    const explanations: TrackerExplanation[] = [];
    let passes = 0;
    for (let f = 0; f < seq.seqLength; f++) {
      const a = plain.update(seq.detections[f], f + 1);
      const b = observed.update(seq.detections[f], f + 1, (e) => explanations.push(e));
      expect(b).toEqual(a);
      passes += explanations[f].passes.length;
    }
    expect(explanations).toHaveLength(seq.seqLength);
    // Every pass is reported on every update, empty or not, in order.
    expect(passes).toBe(
      4 * seq.seqLength + explanations.reduce((n, e) => n + Math.max(0, e.passes.filter((p) => p.pass === 'cascade').length - 1), 0),
    );
    for (const e of explanations) expect([...new Set(e.passes.map((p) => p.pass))]).toEqual(['cascade', 'iou', 'byte', 'recovery']);
    // Every explained match is a real one: the matched detection is within the pass's cost bound.
    for (const e of explanations) {
      for (const p of e.passes) {
        expect(p.cost).toHaveLength(p.tracks.length * p.detections.length);
        for (const [t, d] of p.matches) {
          expect(p.cost[p.tracks.indexOf(t) * p.detections.length + p.detections.indexOf(d)]).toBeLessThanOrEqual(p.maxCost);
        }
      }
    }
  });

  it('names the cascade level and the ByteTrack pass, and reports the gate and predictions', () => {
    const tracker = new Tracker({ frameRate: 10, nInit: 0, highScoreThreshold: 0.6, lowScoreThreshold: 0.2, newTrackScoreThreshold: 0.6 });
    const walker = (f: number, score = 0.9) => makeDetection([100 + 5 * f, 100, 40, 100], score);
    const other = (f: number, score = 0.9) => makeDetection([400 - 5 * f, 120, 40, 100], score);
    for (let f = 1; f <= 3; f++) tracker.update([walker(f), other(f)]);
    // Frame 4: the walker is missed. Frame 5: the walker is back (cascade level 2); the other scores low (ByteTrack).
    tracker.update([other(4)]);
    let e: TrackerExplanation | undefined;
    const out = tracker.update([walker(5), other(5, 0.4)], undefined, (x) => (e = x));
    expect(out.map((t) => t.id).sort()).toEqual([1, 2]);
    expect(e!.tracks).toHaveLength(2);
    expect(e!.detections.map((d) => d.score)).toEqual([0.9, 0.4]);
    const cascade = e!.passes.filter((p) => p.pass === 'cascade');
    // Level 1 (the other track, seen last run) finds no high-score detection near it; level 2 (the walker) takes its own.
    expect(cascade.map((p) => p.level)).toEqual([1, 2]);
    expect(cascade.map((p) => p.matches.length)).toEqual([0, 1]);
    expect(cascade[0].cost.every((c) => c === Infinity)).toBe(true);
    const byte = e!.passes.find((p) => p.pass === 'byte')!;
    expect(byte.detections).toEqual([1]);
    expect(byte.matches).toEqual([[byte.tracks[0], 1]]);
    // The predicted mean is the Kalman prediction, and the gate is its squared Mahalanobis distance against the table value.
    for (const t of e!.tracks) {
      expect(t.mean).toHaveLength(8);
      expect(t.covariance).toHaveLength(64);
      const d2 = gatingDistance(
        { mean: Float64Array.from(t.mean), covariance: Float64Array.from(t.covariance) },
        e!.detections.map((d) => [d.box[0] + d.box[2] / 2, d.box[1] + d.box[3] / 2, d.box[2] / d.box[3], d.box[3]] as const),
        tracker.config.kalman,
      );
      expect(e!.gated[t.index]).toEqual(Array.from(d2, (v) => v > e!.gatingThreshold));
    }
    expect(e!.gated.flat()).toContain(true);
  });

  it('draws the gate as the ellipse of the projected (cx, cy) covariance at the gate threshold', () => {
    // Axis-aligned: S's (cx, cy) block is diag(σx², σy²) + R, so the semi-axes are √(c·(σ² + r²)).
    const covariance = new Float64Array(64);
    const variances = [16, 4, 1e-4, 9, 1, 1, 1e-6, 1];
    variances.forEach((v, i) => (covariance[i * 9] = v));
    const mean = Float64Array.of(50, 60, 0.4, 100, 0, 0, 0, 0);
    const kalman = { ...DEFAULT_KALMAN_PARAMS, stdWeightPosition: 0.01 }; // r = 0.01 · h = 1 px
    const g = gateEllipse({ mean, covariance }, kalman, 9);
    expect(g.cx).toBe(50);
    expect(g.cy).toBe(60);
    expect(g.rx).toBeCloseTo(Math.sqrt(9 * 17), 10);
    expect(g.ry).toBeCloseTo(Math.sqrt(9 * 5), 10);
    expect(g.angle).toBeCloseTo(0, 12);
    // Correlated: the long axis turns to 45° when σx = σy.
    covariance[1] = covariance[8] = 3;
    covariance[9] = 16;
    const tilted = gateEllipse({ mean, covariance }, kalman, 9);
    expect(tilted.angle).toBeCloseTo(Math.PI / 4, 10);
    expect(tilted.rx).toBeCloseTo(Math.sqrt(9 * (17 + 3)), 10);
    expect(tilted.ry).toBeCloseTo(Math.sqrt(9 * (17 - 3)), 10);
  });
});
