/**
 * Gray buffers for a ring of frames, allocated together: one array of
 * `slots` x `length` floats, written once when allocated so that its pages
 * are mapped then, not on each frame's first write. A live view that keeps
 * a second of camera frames would otherwise allocate (and fault in) a fresh
 * buffer on each of its first frames, at several times the cost of the
 * conversion written into it.
 */
export class GrayBuffers {
  #all = new Float32Array(0);
  #length = 0;

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`GrayBuffers: slots is ${slots}; allowed: integer >= 1`);
  }

  /** Slot `slot`'s buffer of `length` floats; every slot is reallocated when the length changes (contents then zero). */
  get(slot: number, length: number): Float32Array {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.slots) {
      throw new RangeError(`GrayBuffers: slot is ${slot}; allowed: 0..${this.slots - 1}`);
    }
    if (length !== this.#length) {
      this.#all = new Float32Array(this.slots * length).fill(0);
      this.#length = length;
    }
    return this.#all.subarray(slot * length, (slot + 1) * length);
  }
}
