/** Deterministic PRNG for reproducible random test inputs (values in [0, 1)); the app's own mulberry32. */
export { mulberry32 as seededRandom } from '../../src/core/util/rng.ts';
