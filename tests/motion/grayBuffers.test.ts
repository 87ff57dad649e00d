import { describe, expect, it } from 'vitest';
import { GrayBuffers } from '../../src/core/motion/index.ts';

describe('GrayBuffers', () => {
  it('hands each slot the same disjoint buffer while the length holds', () => {
    const b = new GrayBuffers(3);
    const [s0, s1, s2] = [0, 1, 2].map((slot) => b.get(slot, 4));
    expect([s0.length, s1.length, s2.length]).toEqual([4, 4, 4]);
    expect(s0.buffer).toBe(s2.buffer); // one allocation for the ring
    s0.fill(1);
    s1.fill(2);
    s2.fill(3);
    expect([...b.get(0, 4), ...b.get(1, 4), ...b.get(2, 4)]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(b.get(1, 4)).not.toBe(s1); // a fresh view...
    expect(b.get(1, 4).byteOffset).toBe(s1.byteOffset); // ...of the same pixels
  });

  it('reallocates every slot (zeroed) when the length changes, leaving the old buffers to their holders', () => {
    const b = new GrayBuffers(2);
    const old = b.get(0, 4).fill(9);
    const wider = b.get(0, 6);
    expect(wider.length).toBe(6);
    expect(wider.buffer).not.toBe(old.buffer);
    expect([...wider, ...b.get(1, 6)]).toEqual(new Array(12).fill(0));
    expect([...old]).toEqual([9, 9, 9, 9]);
  });

  it('rejects bad slot counts and slots with the value named', () => {
    expect(() => new GrayBuffers(0)).toThrow(/slots is 0/);
    expect(() => new GrayBuffers(2).get(2, 4)).toThrow(/slot is 2; allowed: 0..1/);
  });
});
