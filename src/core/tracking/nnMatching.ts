/**
 * Appearance matching: each track owns a bounded gallery of unit-norm
 * embeddings, and a detection's distance to a track is the smallest cosine
 * distance to any gallery sample (deep_sort's nearest-neighbour metric).
 * The gallery lives on the track, so nothing outside it has to clear it.
 */

/** Returns a unit-norm copy of `e` (a zero vector stays zero). */
export function normalizeEmbedding(e: Float32Array): Float32Array {
  let sq = 0;
  for (let k = 0; k < e.length; k++) sq += e[k] * e[k];
  const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  const out = new Float32Array(e.length);
  for (let k = 0; k < e.length; k++) out[k] = e[k] * inv;
  return out;
}

/** Cosine distance 1 - a·b of two unit-norm vectors, in [0, 2]. */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`cosineDistance: length ${a.length} vs ${b.length}`);
  let dot = 0;
  for (let k = 0; k < a.length; k++) dot += a[k] * b[k];
  return 1 - dot;
}

/** Ring buffer of the latest `budget` unit-norm embeddings of one track. */
export class EmbeddingGallery {
  readonly #samples: Float32Array[] = [];
  #next = 0;

  constructor(readonly budget: number) {}

  get size(): number {
    return this.#samples.length;
  }

  /** Adds a unit-norm embedding, overwriting the oldest once full. */
  add(unitEmbedding: Float32Array): void {
    if (this.#samples.length < this.budget) this.#samples.push(unitEmbedding);
    else this.#samples[this.#next] = unitEmbedding;
    this.#next = (this.#next + 1) % this.budget;
  }

  /** Smallest cosine distance from a unit-norm embedding to the gallery; Infinity when empty. */
  distance(unitEmbedding: Float32Array): number {
    let best = Infinity;
    for (const s of this.#samples) best = Math.min(best, cosineDistance(s, unitEmbedding));
    return best;
  }
}
