/**
 * MNIST-style normalisation of a hand-drawn digit (pure, plain arrays):
 * 1. bounding box of pixels > threshold;
 * 2. scale the box (area averaging) so its longer side is 20 px, keeping the aspect ratio;
 * 3. paste into 28×28 so the centre of mass (pixel centres at i + 0.5) lands on (14, 14),
 *    rounded to whole pixels and clamped so the digit stays inside the frame.
 * Input and output are grayscale with ink = high values (e.g. 0..1).
 */
export interface GrayImage {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

export const DIGIT_BOX = 20;
export const DIGIT_SIDE = 28;

function boundingBox(img: GrayImage, threshold: number): { x0: number; y0: number; w: number; h: number } | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x] > threshold) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** weights[i] = [srcIndex, weight][] for output i, averaging the source span it covers. */
function areaWeights(src: number, dst: number): [number, number][][] {
  const r = src / dst;
  return Array.from({ length: dst }, (_, i) => {
    const a = i * r,
      b = (i + 1) * r;
    const w: [number, number][] = [];
    for (let j = Math.floor(a); j < Math.min(src, Math.ceil(b)); j++) {
      const overlap = Math.min(b, j + 1) - Math.max(a, j);
      if (overlap > 0) w.push([j, overlap / r]);
    }
    return w;
  });
}

/** Separable area resample of the crop (x0, y0, w, h) to nw × nh. */
function resampleCrop(img: GrayImage, x0: number, y0: number, w: number, h: number, nw: number, nh: number): Float64Array {
  const wx = areaWeights(w, nw),
    wy = areaWeights(h, nh);
  const rows = new Float64Array(h * nw);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < nw; i++) {
      let s = 0;
      for (const [j, k] of wx[i]) s += img.data[(y0 + y) * img.width + x0 + j] * k;
      rows[y * nw + i] = s;
    }
  }
  const out = new Float64Array(nh * nw);
  for (let i = 0; i < nh; i++) {
    for (let x = 0; x < nw; x++) {
      let s = 0;
      for (const [j, k] of wy[i]) s += rows[j * nw + x] * k;
      out[i * nw + x] = s;
    }
  }
  return out;
}

function centreOfMass(v: Float64Array, w: number, h: number): [number, number] {
  let sum = 0,
    sx = 0,
    sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = v[y * w + x];
      sum += p;
      sx += p * (x + 0.5);
      sy += p * (y + 0.5);
    }
  }
  return sum > 0 ? [sx / sum, sy / sum] : [w / 2, h / 2];
}

/** Returns 784 values (row-major 28×28); an empty drawing gives all zeros. */
export function preprocessDigit(img: GrayImage, threshold = 0): Float32Array {
  if (img.data.length !== img.width * img.height)
    throw new Error(`digit image has ${img.data.length} values for ${img.width}×${img.height}; they must match`);
  const out = new Float32Array(DIGIT_SIDE * DIGIT_SIDE);
  const box = boundingBox(img, threshold);
  if (!box) return out;
  const s = DIGIT_BOX / Math.max(box.w, box.h);
  const nw = Math.max(1, Math.round(box.w * s)),
    nh = Math.max(1, Math.round(box.h * s));
  const small = resampleCrop(img, box.x0, box.y0, box.w, box.h, nw, nh);
  const [cx, cy] = centreOfMass(small, nw, nh);
  const ox = Math.min(DIGIT_SIDE - nw, Math.max(0, Math.round(DIGIT_SIDE / 2 - cx)));
  const oy = Math.min(DIGIT_SIDE - nh, Math.max(0, Math.round(DIGIT_SIDE / 2 - cy)));
  for (let y = 0; y < nh; y++) {
    for (let x = 0; x < nw; x++) out[(oy + y) * DIGIT_SIDE + ox + x] = small[y * nw + x];
  }
  return out;
}
