import type { MotRow } from '../metrics/motFormat.ts';

/** One id's boxes from the online pass, in frame order. */
export interface Tracklet {
  readonly id: number;
  readonly rows: readonly MotRow[];
  readonly firstFrame: number;
  readonly lastFrame: number;
  /** Centre velocity (pixels per frame) over the first and the last `velocityWindow` frames. */
  readonly startVelocity: readonly [number, number];
  readonly endVelocity: readonly [number, number];
  /** Unit-length mean of the track's detection embeddings, when it had any. */
  readonly embedding?: Float32Array;
}

/** Unit-length copy of `v` (null for a zero vector). */
function unit(v: Float32Array): Float32Array | undefined {
  let n = 0;
  for (let k = 0; k < v.length; k++) n += v[k] * v[k];
  if (n === 0) return undefined;
  const s = 1 / Math.sqrt(n);
  return v.map((x) => x * s);
}

/**
 * Groups rows by id (sorted by id), each tracklet's rows by frame, with end
 * velocities over `velocityWindow` frames; `embeddings` are summed or mean vectors by id.
 */
export function buildTracklets(
  rows: readonly MotRow[],
  velocityWindow: number,
  embeddings?: ReadonlyMap<number, Float32Array>,
): Tracklet[] {
  const byId = new Map<number, MotRow[]>();
  for (const r of rows) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, list]) => {
      list.sort((a, b) => a.frame - b.frame);
      const e = embeddings?.get(id);
      const embedding = e ? unit(e) : undefined;
      const firstFrame = list[0].frame;
      const lastFrame = list[list.length - 1].frame;
      return {
        id,
        rows: list,
        firstFrame,
        lastFrame,
        startVelocity: velocityNear(list, firstFrame, velocityWindow),
        endVelocity: velocityNear(list, lastFrame, velocityWindow),
        ...(embedding ? { embedding } : {}),
      };
    });
}

/** Centre of a row's box. */
export const centre = (r: MotRow): [number, number] => [r.box[0] + r.box[2] / 2, r.box[1] + r.box[3] / 2];

/** Least-squares centre velocity (pixels per frame) of the rows within `window` frames of `edge`; 0 for one row. */
function velocityNear(all: readonly MotRow[], edge: number, window: number): [number, number] {
  const rows = all.filter((r) => Math.abs(r.frame - edge) <= window);
  if (rows.length < 2) return [0, 0];
  const mf = rows.reduce((s, r) => s + r.frame, 0) / rows.length;
  const c = rows.map(centre);
  const mx = c.reduce((s, p) => s + p[0], 0) / rows.length;
  const my = c.reduce((s, p) => s + p[1], 0) / rows.length;
  let sff = 0;
  let sfx = 0;
  let sfy = 0;
  rows.forEach((r, k) => {
    const df = r.frame - mf;
    sff += df * df;
    sfx += df * (c[k][0] - mx);
    sfy += df * (c[k][1] - my);
  });
  return sff > 0 ? [sfx / sff, sfy / sff] : [0, 0];
}
