import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassifierSession, type EmbeddedLike } from '../../src/core/classifier/index.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { TrackOutput } from '../../src/core/tracking/types.ts';
import { useTestBackend } from '../detection/helpers.ts';
import { memoryStore, nearAxis } from './helpers.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

const rand = seededRandom(5);
const BOX_A: Tlwh = [10, 10, 40, 100];
const BOX_B: Tlwh = [200, 20, 40, 100];
const track = (id: number, box: Tlwh, label = 'person', timeSinceUpdate = 0): TrackOutput => ({
  id,
  box,
  label,
  state: 'confirmed',
  hits: 5,
  age: 5,
  timeSinceUpdate,
  history: [],
  score: 0.9,
  velocity: [0, 0, 0, 0],
});
const det = (box: Tlwh, axis: number): EmbeddedLike => ({
  box: [box[0] + 1, box[1], box[2], box[3]],
  score: 0.9,
  classId: 0,
  label: 'person',
  embedding: nearAxis(16, axis, 0.2, rand),
});
let frame: tf.Tensor3D;

beforeAll(async () => {
  await useTestBackend();
  frame = tf.zeros([120, 300, 3]);
});
afterAll(() => frame.dispose());

/** A frame where track 1 (box A) is an "alice" (axis 0) and track 2 (box B) a "bob" (axis 1). */
const nextFrame = (tracks = [track(1, BOX_A), track(2, BOX_B)]) => ({ frame, tracks, detections: [det(BOX_B, 1), det(BOX_A, 0)] });

describe('ClassifierSession (capture → train → label tracks)', () => {
  it('captures by track id, trains, and labels matched tracks of the target class', async () => {
    const s = new ClassifierSession('fusion', { switchUpdates: 1, minScore: 0.5 });
    try {
      expect(() => s.captureTrack(1, 'alice')).toThrow('track #1 is not on the last frame; pick an active track');
      for (let i = 0; i < 4; i++) {
        await s.afterDetect(nextFrame());
        s.captureTrack(1, 'alice');
        s.captureTrack(2, ' bob ');
      }
      expect(s.status().counts).toEqual({ alice: 4, bob: 4 });
      expect(() => s.enable(true)).toThrow('train or load a classifier first');
      await s.train({ epochs: 40 });
      s.enable(true, 'person');
      const tracks = [track(1, BOX_A), track(2, BOX_B), track(3, [100, 0, 10, 10], 'cup'), track(4, [400, 0, 30, 60], 'person', 2)];
      const out = await s.afterDetect(nextFrame(tracks));
      expect(out.map((t) => t.customLabel)).toEqual(['alice', 'bob', undefined, undefined]);
      expect(out[0].customScore).toBeGreaterThan(0.5);
      // Carried (not re-detected) frame: the label stays from the smoother.
      const carried = await s.afterDetect({ frame, detections: [], tracks: [track(1, BOX_A, 'person', 1)] });
      expect(carried[0].customLabel).toBe('alice');
      // Round trip through a store into a fresh session.
      const store = memoryStore();
      await s.save(store.save);
      const s2 = new ClassifierSession('fusion');
      expect(await s2.load(store.load(), 16)).toMatchObject({ classNames: ['alice', 'bob'], targetClass: 'person' });
      s2.dispose();
    } finally {
      s.dispose();
    }
  });

  it('frame mode embeds the whole next frame', async () => {
    const s = new ClassifierSession('fusion');
    const boxes: Tlwh[][] = [];
    const pending = s.captureFrame('mug');
    await s.afterDetect({ ...nextFrame(), embedBoxes: async (_f, b) => (boxes.push([...b]), [new Float32Array(16).fill(0.25)]) });
    await pending;
    expect(boxes).toEqual([[[0, 0, 300, 120]]]);
    expect(s.status().counts).toEqual({ mug: 1 });
    await expect(s.captureFrame('mug', 20)).rejects.toThrow('no frame was detected within 0.02 s; start the camera and try again');
    s.dispose();
  });

  it('explains a track without a detection and untrainable sample sets', async () => {
    const s = new ClassifierSession('fusion');
    await s.afterDetect({ frame, detections: [det(BOX_B, 1)], tracks: [track(1, BOX_A, 'person', 1)] });
    expect(() => s.captureTrack(1, 'alice')).toThrow(
      'track #1 has no detection on the last frame (it is carried by the motion model); try again',
    );
    expect(() => s.captureTrack(1, '  ')).toThrow('class name "  " must have 1–40 characters');
    await expect(s.train({})).rejects.toThrow('Capture at least 2 samples for each of 2 classes (have none yet)');
    s.dispose();
  });
});
