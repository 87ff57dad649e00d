/** The seeded PRNG lives in core/util (shared by training, benches and tests). */
export { mulberry32, normal, permutation, randInt } from '../util/rng.ts';
export type { Rng } from '../util/rng.ts';
