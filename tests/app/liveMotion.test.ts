import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { GrayImage } from '../../src/core/motion/index.ts';
import { LiveMotion, MOTION_CATCH_UP_STEPS } from '../../src/app/pipeline/liveMotion.ts';
import { WALKERS, readGray, shiftImage } from '../motion/helpers.ts';
import { confirmedTrack } from '../../dev/confirmedTrack.ts';

/**
 * The live view's motion step on camera frames that move 1 px right per
 * frame (vtest frame 0, shifted), with a detection result that lands
 * `LAG` frames after its own frame, as the live loop's results do.
 */
const LAG = 10;
/** Frame the second result is detected on, and the frame it lands on. */
const SOURCE_B = 2;
const LANDS = SOURCE_B + LAG;
const LAST = LANDS + 4;

const base = readGray(resolve(import.meta.dirname, '../fixtures/media/vtest-f000.png'));
const frames: GrayImage[] = Array.from({ length: LAST + 1 }, (_, i) => shiftImage(base, i, 0));

const shifted = (dx: number) => WALKERS.map((b, k) => confirmedTrack(k + 1, [b[0] + dx, b[1], b[2], b[3]]));
/** Result A (frame 0) and result B (frame SOURCE_B, walkers 1–3 and a new track 4); zero Kalman velocity: the carry keeps each box. */
const resultA = { tracks: shifted(0) };
const resultB = { tracks: [...shifted(SOURCE_B), confirmedTrack(4, [100, 300, 30, 80])] };

interface Drawn {
  index: number;
  steps: number;
  boxes: Map<number, Tlwh>;
}

/** Frames 0..LAST kept and drawn: result A from frame 1, result B from frame LANDS. */
function run(motion: LiveMotion): Drawn[] {
  const drawn: Drawn[] = [];
  for (let i = 0; i <= LAST; i++) {
    motion.keep(i, frames[i], base.width);
    if (i === 0) continue;
    const [result, source] = i < LANDS ? [resultA, 0] : [resultB, SOURCE_B];
    const tracks = motion.carry(result, source, result.tracks, i, () => result.tracks);
    drawn.push({ index: i, steps: motion.lastSteps, boxes: new Map(tracks.map((t) => [t.id, t.box])) });
  }
  return drawn;
}

/** Walkers 1–3 drawn `dx` px right of frame 0's boxes, within 0.5 px. */
function expectWalkersAt(boxes: Map<number, Tlwh>, dx: number): void {
  WALKERS.forEach((b, k) => {
    const box = boxes.get(k + 1)!;
    expect(Math.abs(box[0] - (b[0] + dx))).toBeLessThan(0.5);
    expect(Math.abs(box[1] - b[1])).toBeLessThan(0.5);
  });
}

describe('LiveMotion: a result that lands after the detector lag', () => {
  const bounded = run(new LiveMotion('canvas'));
  const unbounded = run(new LiveMotion('canvas', Number.POSITIVE_INFINITY));
  const at = (drawn: Drawn[], index: number) => drawn.find((d) => d.index === index)!;

  it('measures at most MOTION_CATCH_UP_STEPS frames of the lag per drawn frame, where measuring it all at once took LAG', () => {
    expect(MOTION_CATCH_UP_STEPS).toBe(4);
    // Before the second result: one frame per draw.
    for (const d of bounded.filter((d) => d.index < LANDS)) expect(d.steps).toBe(1);
    // The new chain catches up 4 frames per draw while the previous one follows the camera (1 more),
    // until it reaches the drawn frame (frame LANDS + 2: 10 behind, 3 gained per draw) and takes over.
    expect(bounded.filter((d) => d.index >= LANDS).map((d) => d.steps)).toEqual([5, 5, 4, 1, 1]);
    // Without the limit the frame the result lands on measures the whole lag.
    expect(at(unbounded, LANDS).steps).toBe(LAG);
    expect(unbounded.filter((d) => d.index > LANDS).map((d) => d.steps)).toEqual([1, 1, 1, 1]);
  });

  it('draws the previous chain on the tracks both results have while catching up, the Kalman carry on new ones', () => {
    for (const index of [LANDS, LANDS + 1]) {
      const { boxes } = at(bounded, index);
      expectWalkersAt(boxes, index);
      expect(boxes.get(4)).toEqual(resultB.tracks[3].box);
    }
  });

  it('draws the same boxes as measuring the whole lag at once from the frame the new chain catches up on', () => {
    // 10 frames behind at 4 per draw, one more frame each draw: caught up on the third draw.
    for (let index = LANDS + 2; index <= LAST; index++) {
      expect(at(bounded, index).boxes).toEqual(at(unbounded, index).boxes);
      expectWalkersAt(at(bounded, index).boxes, index);
    }
  });
});
