/** Random-search space and the pure, seeded trial sampler. */
import { HIDDEN_ACTIVATIONS, MLP_LIMITS, type HiddenActivation } from './mlpConfig.ts';
import { mulberry32, randInt, type Rng } from './rng.ts';

export const OBJECTIVES = ['val_accuracy', 'val_loss'] as const;
export const SEARCH_STRATEGIES = ['random', 'grid'] as const;
export type SearchStrategy = (typeof SEARCH_STRATEGIES)[number];
export type Objective = (typeof OBJECTIVES)[number];

export interface SearchSpace {
  /** Hidden layer count, inclusive range within 1..5. */
  layers: [number, number];
  /** Units per hidden layer (sampled per layer), inclusive range within 1..100. */
  units: [number, number];
  /** Sampled log-uniformly. */
  learningRate: [number, number];
  batchSizes: number[];
  activations: HiddenActivation[];
}

export interface TunerConfig {
  space: SearchSpace;
  maxTrials: number;
  objective: Objective;
  seed: number;
  strategy: SearchStrategy;
  /** Grid search: values taken from each units and learning-rate range (ends included). */
  gridSteps: number;
}

export interface TrialParams {
  hiddenLayers: number[];
  learningRate: number;
  batchSize: number;
  activation: HiddenActivation;
}

export const DEFAULT_TUNER_CONFIG: Readonly<TunerConfig> = {
  space: { layers: [1, 3], units: [2, 32], learningRate: [1e-3, 1e-1], batchSizes: [8, 16, 32], activations: ['tanh', 'relu'] },
  maxTrials: 10,
  objective: 'val_accuracy',
  seed: 1,
  strategy: 'random',
  gridSteps: 2,
};

function range(name: string, [lo, hi]: [number, number], min: number, max: number, integer: boolean): void {
  const ok = (v: number) => (integer ? Number.isInteger(v) : Number.isFinite(v)) && v >= min && v <= max;
  if (!ok(lo) || !ok(hi) || lo > hi)
    throw new Error(`tuner ${name} range is [${lo}, ${hi}]; allowed: ${integer ? 'integers' : 'numbers'} ${min} <= lo <= hi <= ${max}`);
}

export function validateTunerConfig(input: Partial<TunerConfig> = {}): TunerConfig {
  const c: TunerConfig = { ...DEFAULT_TUNER_CONFIG, ...input, space: { ...DEFAULT_TUNER_CONFIG.space, ...input.space } };
  const s = c.space;
  range('layers', s.layers, 1, MLP_LIMITS.maxHiddenLayers, true);
  range('units', s.units, 1, MLP_LIMITS.maxUnits, true);
  range('learningRate', s.learningRate, 1e-6, 10, false);
  if (s.batchSizes.length === 0 || s.batchSizes.some((b) => !Number.isInteger(b) || b < 1 || b > MLP_LIMITS.maxBatchSize)) {
    throw new Error(`tuner batchSizes is [${s.batchSizes.join(', ')}]; allowed: non-empty list of integers 1..${MLP_LIMITS.maxBatchSize}`);
  }
  if (s.activations.length === 0 || s.activations.some((a) => !HIDDEN_ACTIVATIONS.includes(a))) {
    throw new Error(`tuner activations is [${s.activations.join(', ')}]; allowed: non-empty subset of ${HIDDEN_ACTIVATIONS.join(', ')}`);
  }
  if (!Number.isInteger(c.maxTrials) || c.maxTrials < 1 || c.maxTrials > 200)
    throw new Error(`tuner maxTrials is ${c.maxTrials}; allowed: integer 1..200`);
  if (!OBJECTIVES.includes(c.objective))
    throw new Error(`tuner objective is ${JSON.stringify(c.objective)}; allowed: ${OBJECTIVES.join(', ')}`);
  if (!Number.isInteger(c.seed)) throw new Error(`tuner seed is ${c.seed}; allowed: integer`);
  if (!SEARCH_STRATEGIES.includes(c.strategy))
    throw new Error(`tuner strategy is ${JSON.stringify(c.strategy)}; allowed: ${SEARCH_STRATEGIES.join(', ')}`);
  if (!Number.isInteger(c.gridSteps) || c.gridSteps < 1 || c.gridSteps > 10)
    throw new Error(`tuner gridSteps is ${c.gridSteps}; allowed: integer 1..10`);
  return c;
}

function sampleOne(rng: Rng, s: SearchSpace): TrialParams {
  const n = randInt(rng, s.layers[0], s.layers[1]);
  const hiddenLayers = Array.from({ length: n }, () => randInt(rng, s.units[0], s.units[1]));
  const [lo, hi] = s.learningRate;
  const learningRate = Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)));
  const batchSize = s.batchSizes[randInt(rng, 0, s.batchSizes.length - 1)];
  const activation = s.activations[randInt(rng, 0, s.activations.length - 1)];
  return { hiddenLayers, learningRate, batchSize, activation };
}

/** Pure: the whole trial sequence for a config (same seed → same list). */
export function sampleTrials(config: Partial<TunerConfig> = {}): TrialParams[] {
  const c = validateTunerConfig(config);
  const rng = mulberry32(c.seed);
  return Array.from({ length: c.maxTrials }, () => sampleOne(rng, c.space));
}

/** `steps` values from lo to hi (ends included), linear or log-spaced; one step gives lo. */
function spaced(lo: number, hi: number, steps: number, log: boolean): number[] {
  if (steps === 1) return [lo];
  return Array.from({ length: steps }, (_, i) => {
    const t = i / (steps - 1);
    return log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
  });
}

/**
 * Grid search: every combination of layer count (each integer in range),
 * units (gridSteps values, the same for every layer), learning rate
 * (gridSteps log-spaced values), batch size and activation, in a fixed order.
 * The full grid; the search runs its first maxTrials points.
 */
export function gridTrials(config: Partial<TunerConfig> = {}): TrialParams[] {
  const c = validateTunerConfig(config);
  const s = c.space;
  const units = [...new Set(spaced(s.units[0], s.units[1], c.gridSteps, false).map(Math.round))];
  const rates = spaced(s.learningRate[0], s.learningRate[1], c.gridSteps, true);
  const out: TrialParams[] = [];
  for (let n = s.layers[0]; n <= s.layers[1]; n++)
    for (const u of units)
      for (const learningRate of rates)
        for (const batchSize of s.batchSizes)
          for (const activation of s.activations) out.push({ hiddenLayers: new Array(n).fill(u), learningRate, batchSize, activation });
  return out;
}

/** The trials a search runs: random samples or the first maxTrials grid points. */
export function searchTrials(config: Partial<TunerConfig> = {}): TrialParams[] {
  const c = validateTunerConfig(config);
  return c.strategy === 'grid' ? gridTrials(c).slice(0, c.maxTrials) : sampleTrials(c);
}
