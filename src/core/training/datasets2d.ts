/**
 * Seeded 2-D toy classification sets (plain arrays, no tensors).
 * Points are in roughly [-1, 1]²; labels are class indices 0..classes-1.
 */
import { mulberry32, normal, type Rng } from './rng.ts';

export const DATASET_KINDS = ['linear', 'xor', 'circles', 'spiral', 'gaussians'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface Dataset2dConfig {
  kind: DatasetKind;
  /** Total number of points, 4..10000. */
  n: number;
  /** Std of Gaussian jitter added to every point, 0..1. */
  noise: number;
  /** Number of classes for 'spiral' and 'gaussians' (2..5); others are binary. */
  classes: number;
  seed: number;
}

export const DEFAULT_DATASET_2D_CONFIG: Readonly<Dataset2dConfig> = { kind: 'xor', n: 200, noise: 0.05, classes: 3, seed: 1 };

export interface Dataset2d {
  x: number[][];
  y: number[];
  classes: number;
}

export function validateDataset2dConfig(input: Partial<Dataset2dConfig>): Dataset2dConfig {
  const c = { ...DEFAULT_DATASET_2D_CONFIG, ...input };
  if (!DATASET_KINDS.includes(c.kind)) throw new Error(`dataset kind is ${JSON.stringify(c.kind)}; allowed: ${DATASET_KINDS.join(', ')}`);
  if (!Number.isInteger(c.n) || c.n < 4 || c.n > 10000) throw new Error(`dataset n is ${c.n}; allowed: integer 4..10000`);
  if (!(c.noise >= 0 && c.noise <= 1)) throw new Error(`dataset noise is ${c.noise}; allowed: 0..1`);
  if (!Number.isInteger(c.classes) || c.classes < 2 || c.classes > 5)
    throw new Error(`dataset classes is ${c.classes}; allowed: integer 2..5`);
  if (!Number.isInteger(c.seed)) throw new Error(`dataset seed is ${c.seed}; allowed: integer`);
  return c;
}

type Sampler = (rng: Rng, i: number, c: Dataset2dConfig) => [number, number, number];

const SAMPLERS: Record<DatasetKind, Sampler> = {
  // Label = side of the line y = 0.5x + 0.1.
  linear: (rng) => {
    const x = rng() * 2 - 1;
    const y = rng() * 2 - 1;
    return [x, y, y > 0.5 * x + 0.1 ? 1 : 0];
  },
  // Label 1 in quadrants II and IV; points keep a 0.1 margin from the axes.
  xor: (rng, i) => {
    const sx = i % 2 === 0 ? 1 : -1;
    const sy = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
    const x = sx * (0.1 + rng() * 0.9);
    const y = sy * (0.1 + rng() * 0.9);
    return [x, y, sx * sy < 0 ? 1 : 0];
  },
  // Inner disc (r < 0.5) is class 0, outer ring (0.7..1) class 1.
  circles: (rng, i) => {
    const outer = i % 2;
    const r = outer ? 0.7 + rng() * 0.3 : rng() * 0.5;
    const t = rng() * 2 * Math.PI;
    return [r * Math.cos(t), r * Math.sin(t), outer];
  },
  // `classes` interleaved arms, each turning about 1.5 times.
  spiral: (rng, i, c) => {
    const k = i % c.classes;
    const r = rng();
    const t = (k * 2 * Math.PI) / c.classes + r * 3 * Math.PI;
    return [r * Math.cos(t), r * Math.sin(t), k];
  },
  // `classes` blobs with centres evenly spaced on a circle of radius 0.6.
  gaussians: (rng, i, c) => {
    const k = i % c.classes;
    const a = (k * 2 * Math.PI) / c.classes;
    return [0.6 * Math.cos(a) + normal(rng, 0, 0.15), 0.6 * Math.sin(a) + normal(rng, 0, 0.15), k];
  },
};

/** Same config → identical points. Classes are balanced by construction (i mod k). */
export function make2dDataset(config: Partial<Dataset2dConfig> = {}): Dataset2d {
  const c = validateDataset2dConfig(config);
  const rng = mulberry32(c.seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < c.n; i++) {
    const [px, py, label] = SAMPLERS[c.kind](rng, i, c);
    x.push([px + (c.noise ? normal(rng, 0, c.noise) : 0), py + (c.noise ? normal(rng, 0, c.noise) : 0)]);
    y.push(label);
  }
  const classes = c.kind === 'spiral' || c.kind === 'gaussians' ? c.classes : 2;
  return { x, y, classes };
}
