/**
 * The bench:flow workload, shared by Node and the Chromium page: one frame's
 * between-detection step for a set of boxes (grayscale, pyramid, median flow
 * with the forward–backward check) with this repository's motion module and
 * with jsfeat's pyramidal LK (same grid, window, levels and iterations).
 */
import jsfeat from 'jsfeat';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { MotionConfig } from '../../src/core/motion/index.ts';
import { gridPoints } from '../../src/core/motion/medianFlow.ts';
import { MotionStage } from '../../src/core/pipeline/motionStage.ts';

export interface FlowFrames {
  width: number;
  height: number;
  /** Packed RGB frames, `width * height * 3` bytes each. */
  frames: Uint8Array[];
}

export interface FlowTimings {
  /** ms per frame, one sample per frame after the first. */
  own: number[];
  jsfeat: number[];
  /** Sum of |own − jsfeat| box-centre displacement over all measured boxes, px (sanity: both measure the same motion). */
  meanDisagreementPx: number;
}

function median(values: Float32Array, n: number): number {
  const v = values.subarray(0, n).sort();
  return n === 0 ? Number.NaN : n % 2 ? v[n >> 1] : (v[(n >> 1) - 1] + v[n >> 1]) / 2;
}

/** jsfeat version of the median-flow step: returns each box's median (dx, dy). */
class JsfeatFlow {
  #prev: jsfeat.pyramid_t;
  #next: jsfeat.pyramid_t;
  #fresh = true;
  readonly #from: Float32Array;
  readonly #to: Float32Array;
  readonly #back: Float32Array;
  readonly #fwd: Uint8Array;
  readonly #bwd: Uint8Array;
  readonly #tmp: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly c: MotionConfig,
    readonly maxPoints: number,
  ) {
    const make = () => {
      const p = new jsfeat.pyramid_t(c.levels);
      p.allocate(width, height, jsfeat.U8_t | jsfeat.C1_t);
      return p;
    };
    this.#prev = make();
    this.#next = make();
    this.#from = new Float32Array(2 * maxPoints);
    this.#to = new Float32Array(2 * maxPoints);
    this.#back = new Float32Array(2 * maxPoints);
    this.#fwd = new Uint8Array(maxPoints);
    this.#bwd = new Uint8Array(maxPoints);
    this.#tmp = new Float32Array(maxPoints);
  }

  step(rgb: Uint8Array, boxes: readonly Tlwh[]): Array<[number, number]> {
    [this.#prev, this.#next] = [this.#next, this.#prev];
    jsfeat.imgproc.grayscale(rgb, this.width, this.height, this.#next.data[0], jsfeat.COLOR_RGB2GRAY);
    this.#next.build(this.#next.data[0], true);
    if (this.#fresh) return ((this.#fresh = false), []);
    const g = this.c.gridSize;
    const per = g * g;
    let n = 0;
    for (const box of boxes) {
      gridPoints(box, g, this.width, this.height, this.#from.subarray(2 * n));
      n += per;
    }
    const win = 2 * this.c.windowRadius + 1;
    const { track } = jsfeat.optical_flow_lk;
    this.#to.set(this.#from);
    track(this.#prev, this.#next, this.#from, this.#to, n, win, this.c.maxIterations, this.#fwd, this.c.epsilon, 1e-4);
    this.#back.set(this.#to);
    track(this.#next, this.#prev, this.#to, this.#back, n, win, this.c.maxIterations, this.#bwd, this.c.epsilon, 1e-4);
    return boxes.map((_, b) => {
      let m = 0;
      for (let k = b * per; k < (b + 1) * per; k++) {
        if (this.#fwd[k] && this.#bwd[k])
          this.#tmp[m++] = Math.hypot(this.#back[2 * k] - this.#from[2 * k], this.#back[2 * k + 1] - this.#from[2 * k + 1]);
      }
      const fb = median(this.#tmp, m);
      const keep: number[] = [];
      for (let k = b * per; k < (b + 1) * per; k++) {
        const e = Math.hypot(this.#back[2 * k] - this.#from[2 * k], this.#back[2 * k + 1] - this.#from[2 * k + 1]);
        if (this.#fwd[k] && this.#bwd[k] && e <= fb) keep.push(k);
      }
      keep.forEach((k, i) => (this.#tmp[i] = this.#to[2 * k] - this.#from[2 * k]));
      const dx = median(this.#tmp, keep.length);
      keep.forEach((k, i) => (this.#tmp[i] = this.#to[2 * k + 1] - this.#from[2 * k + 1]));
      return [dx, median(this.#tmp, keep.length)];
    });
  }
}

/** Runs both implementations over `input` (the same boxes on every frame) and times each frame. */
export function runFlowWorkload(input: FlowFrames, boxes: readonly Tlwh[], config: Partial<MotionConfig> = {}): FlowTimings {
  const own = new MotionStage(config);
  const c = own.measurer.config;
  const lib = new JsfeatFlow(input.width, input.height, c, boxes.length * c.gridSize ** 2);
  const targets = boxes.map((box, id) => ({ id, box }));
  const out: FlowTimings = { own: [], jsfeat: [], meanDisagreementPx: 0 };
  let disagreement = 0;
  let measured = 0;
  input.frames.forEach((rgb, f) => {
    const t0 = performance.now();
    const ours = own.measurer.step(own.toGray(rgb, input.width, input.height, 3), targets);
    const t1 = performance.now();
    const theirs = lib.step(rgb, boxes);
    const t2 = performance.now();
    if (f === 0) return;
    out.own.push(t1 - t0);
    out.jsfeat.push(t2 - t1);
    ours.forEach((m, b) => {
      const [dx, dy] = theirs[b];
      if (!m.reliable || !Number.isFinite(dx)) return;
      disagreement += Math.hypot(
        m.box[0] + m.box[2] / 2 - (boxes[b][0] + boxes[b][2] / 2) - dx,
        m.box[1] + m.box[3] / 2 - (boxes[b][1] + boxes[b][3] / 2) - dy,
      );
      measured++;
    });
  });
  out.meanDisagreementPx = measured > 0 ? disagreement / measured : Number.NaN;
  return out;
}
