/**
 * Deterministic synthetic re-id scene: real vtest person sprites composited
 * over the median vtest background along scripted paths that cross, occlude
 * one another (nearer = lower feet = drawn on top), turn back while hidden,
 * and leave and re-enter the view. Ground truth is exact: each sprite's
 * visible box and visible fraction are known per frame.
 */
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import type { MotRow } from '../../src/core/metrics/index.ts';
import type { RgbImage, SceneMaterial, Sprite } from './reid-sprites.ts';
import { mulberry32 } from '../../src/core/util/rng.ts';

/** Feet position (x = centre, y = bottom) at a frame; linear between keys. */
type Key = readonly [frame: number, x: number, y: number];

interface Actor {
  readonly id: number;
  readonly sprite: number;
  readonly keys: readonly Key[];
}

/** GT keeps a box while at least this fraction of its sprite is visible (in frame and not occluded). */
export const MIN_VISIBLE = 0.4;

/**
 * The script (768x576 frame, 10 fps). Seeded jitter moves keys by up to ±12 px
 * and ±2 frames and shuffles which real person plays which role.
 */
function script(seed: number, spriteCount: number): Actor[] {
  const rand = mulberry32(seed);
  const j = (v: number, r: number) => v + Math.round((rand() * 2 - 1) * r);
  const key = (f: number, x: number, y: number): Key => [Math.max(0, j(f, 2)), j(x, 12), j(y, 6)];
  const roles: Key[][] = [
    // 1, 2: long crossing in opposite directions at nearly the same depth.
    [key(0, -20, 300), key(110, 790, 300)],
    [key(5, 790, 312), key(115, -20, 312)],
    // 3, 4: meet in the middle, stand together hidden, then both turn back.
    [key(0, 150, 420), key(40, 370, 420), key(55, 385, 420), key(100, 150, 420)],
    [key(0, 620, 428), key(40, 400, 428), key(55, 390, 428), key(100, 640, 428)],
    // 5: walks out of the right edge, comes back in shortly after, walking left.
    [key(0, 520, 220), key(35, 800, 220), key(43, 800, 222), key(90, 540, 222), key(119, 520, 230)],
    // 6: walks down the middle, passing behind 1 and 2 and in front of 5.
    [key(10, 300, 180), key(119, 470, 470)],
  ];
  const order = Array.from({ length: spriteCount }, (_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const m = Math.floor(rand() * (k + 1));
    [order[k], order[m]] = [order[m], order[k]];
  }
  return roles.map((keys, k) => ({ id: k + 1, sprite: order[k % order.length], keys }));
}

/** Feet position and walking direction at `frame`, or null before the first / after the last key. */
function place(keys: readonly Key[], frame: number): { x: number; y: number; dx: number } | null {
  if (frame < keys[0][0] || frame > keys[keys.length - 1][0]) return null;
  for (let k = 0; k + 1 < keys.length; k++) {
    const [f0, x0, y0] = keys[k];
    const [f1, x1, y1] = keys[k + 1];
    if (frame <= f1) {
      const u = f1 > f0 ? (frame - f0) / (f1 - f0) : 1;
      return { x: x0 + u * (x1 - x0), y: y0 + u * (y1 - y0), dx: x1 - x0 };
    }
  }
  return null;
}

interface Placed {
  readonly id: number;
  readonly sprite: Sprite;
  readonly left: number;
  readonly top: number;
  readonly flip: boolean;
}

export interface SceneFrame {
  readonly image: RgbImage;
  /** Ground truth for this frame (1-based frame number in rows). */
  readonly gt: MotRow[];
}

/** Renders frame `f` (0-based) and its ground truth. */
function renderFrame(material: SceneMaterial, actors: readonly Actor[], f: number): SceneFrame {
  const { background: bg } = material;
  const placed: Placed[] = [];
  for (const a of actors) {
    const p = place(a.keys, f);
    if (!p) continue;
    const s = material.sprites[a.sprite];
    // Sprites face the way they walked in the source; mirror them when walking left.
    placed.push({ id: a.id, sprite: s, left: Math.round(p.x - s.width / 2), top: Math.round(p.y - s.height), flip: p.dx < 0 });
  }
  // Nearer (larger feet y) first for visibility, farther first for drawing.
  placed.sort((a, b) => b.top + b.sprite.height - (a.top + a.sprite.height));
  const cover = new Float32Array(bg.width * bg.height);
  const gt: MotRow[] = [];
  for (const p of placed) {
    const { visible, total, box } = visibility(p, cover, bg);
    if (box && visible / total >= MIN_VISIBLE) gt.push({ frame: f + 1, id: p.id, box, conf: 1 });
  }
  const data = new Uint8ClampedArray(bg.data);
  for (const p of [...placed].reverse()) draw(p, data, bg);
  return { image: { width: bg.width, height: bg.height, data }, gt };
}

function forEachPixel(p: Placed, frame: RgbImage, fn: (dst: number, src: number, a: number, x: number, y: number) => void): void {
  const { sprite: s } = p;
  for (let y = 0; y < s.height; y++) {
    const fy = p.top + y;
    if (fy < 0 || fy >= frame.height) continue;
    for (let x = 0; x < s.width; x++) {
      const fx = p.left + x;
      if (fx < 0 || fx >= frame.width) continue;
      const src = y * s.width + (p.flip ? s.width - 1 - x : x);
      if (s.alpha[src] > 0) fn(fy * frame.width + fx, src, s.alpha[src], fx, fy);
    }
  }
}

/** Visible alpha mass (not covered by nearer sprites), total alpha, and the visible box. */
function visibility(p: Placed, cover: Float32Array, frame: RgbImage): { visible: number; total: number; box: Tlwh | null } {
  let total = 0;
  for (let k = 0; k < p.sprite.alpha.length; k++) total += p.sprite.alpha[k];
  let visible = 0;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  forEachPixel(p, frame, (dst, _src, a, x, y) => {
    const seen = a * (1 - cover[dst]);
    visible += seen;
    cover[dst] += seen;
    if (seen > 0.25) [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x + 1), Math.max(y2, y + 1)];
  });
  return { visible, total, box: x2 > x1 ? [x1, y1, x2 - x1, y2 - y1] : null };
}

function draw(p: Placed, data: Uint8ClampedArray, frame: RgbImage): void {
  forEachPixel(p, frame, (dst, src, a) => {
    for (let c = 0; c < 3; c++) data[dst * 3 + c] = Math.round(data[dst * 3 + c] * (1 - a) + p.sprite.data[src * 3 + c] * a);
  });
}

export interface Scene {
  readonly frames: SceneFrame[];
  readonly gt: MotRow[];
  readonly identities: number;
}

/** The whole sequence: `length` frames (default 120 = 12 s at 10 fps). */
export function buildScene(material: SceneMaterial, seed: number, length = 120): Scene {
  const actors = script(seed, material.sprites.length);
  const frames = Array.from({ length }, (_, f) => renderFrame(material, actors, f));
  return { frames, gt: frames.flatMap((f) => f.gt), identities: actors.length };
}
