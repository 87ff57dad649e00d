import { describe, expect, it } from 'vitest';
import type { TrackOutput } from '../../src/core/tracking';
import type { VideoMetadata } from '../../src/browser/video';
import type { ProcessedFrame } from '../../src/app/video/protocol';
import { ResultStore } from '../../src/app/video/resultStore';
import { scaleTracks } from '../../src/app/video/scaleResult';

const track = (id: number, x: number, extra: Partial<TrackOutput> = {}): TrackOutput => ({
  id,
  box: [x, 10, 20, 40],
  label: 'person',
  classId: 0,
  state: 'confirmed',
  hits: 3,
  age: 3,
  timeSinceUpdate: 0,
  history: [[x + 10, 30]],
  score: 0.7,
  velocity: [0, 0, 0, 0],
  ...extra,
});
const frame = (index: number, tracks: TrackOutput[]): ProcessedFrame => ({ index, timestampUs: index * 100_000, detected: true, tracks });
const meta = { fileName: 'clip.webm', width: 100, height: 80, frameRate: { fps: 10 } } as unknown as VideoMetadata;

describe('ResultStore', () => {
  const store = new ResultStore(new File([], 'clip.webm'), meta, { detector: 'centernet', backend: 'wasm', every: 1, refine: false });
  // Track 1 is confirmed on frame 2 and reports its tentative boxes for frames 0-1 late (as MotCollector expects).
  store.add([frame(0, []), frame(1, [])]);
  store.add([
    frame(2, [
      track(1, 4, {
        lateBoxes: [
          { frame: 0, box: [0, 10, 20, 40] },
          { frame: 1, box: [2, 10, 20, 40] },
        ],
      }),
    ]),
    frame(3, [track(1, 6), track(2, 50)]),
  ]);

  it('keeps MOT rows 1-based, late boxes included, sorted by frame then id', () => {
    expect(store.frameCount).toBe(4);
    expect(store.rows().map((r) => [r.frame, r.id, r.box[0]])).toEqual([
      [1, 1, 0],
      [2, 1, 2],
      [3, 1, 4],
      [4, 1, 6],
      [4, 2, 50],
    ]);
    expect(store.toMot().split('\n')[0]).toBe('1,1,0,10,20,40,0.7,-1,-1,-1');
  });

  it('summarises tracks (0-based frames) and draws what is exported', () => {
    expect(store.tracks()).toEqual([
      { id: 1, label: 'person', firstFrame: 0, lastFrame: 3, length: 4 },
      { id: 2, label: 'person', firstFrame: 3, lastFrame: 3, length: 1 },
    ]);
    const d = store.annotations().drawables(3);
    expect(d.map((x) => x.text)).toEqual(['person #1 70%', 'person #2 70%']);
    expect(d[0].trail).toEqual([
      [10, 30],
      [12, 30],
      [14, 30],
      [16, 30],
    ]);
    expect(store.timestampUs(3)).toBe(300_000);
    expect(store.toJson().frames).toHaveLength(4);
  });

  it('opens on the first frame with a box: after an empty lead-in, and frame 0 when nothing is tracked', () => {
    expect(store.firstTrackedFrame()).toBe(0);
    const settings = { detector: 'centernet', backend: 'wasm', every: 1, refine: false };
    const late = new ResultStore(new File([], 'clip.webm'), meta, settings);
    late.add([frame(0, []), frame(1, []), frame(2, []), frame(3, [track(7, 5)]), frame(4, [track(7, 6)])]);
    expect(late.firstTrackedFrame()).toBe(3);
    const empty = new ResultStore(new File([], 'clip.webm'), meta, settings);
    empty.add([frame(0, []), frame(1, [])]);
    expect(empty.firstTrackedFrame()).toBe(0);
  });
});

describe('scaleTracks', () => {
  it('maps boxes, late boxes and trails from inference pixels back to source pixels', () => {
    const [t] = scaleTracks([track(1, 10, { lateBoxes: [{ frame: 0, box: [1, 2, 3, 4] }] })], 2, 3);
    expect(t.box).toEqual([20, 30, 40, 120]);
    expect(t.lateBoxes).toEqual([{ frame: 0, box: [2, 6, 6, 12] }]);
    expect(t.history).toEqual([[40, 90]]);
  });
});
