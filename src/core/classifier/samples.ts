/**
 * Training samples for the custom head: one frozen embedding and the class
 * the user gave it. Checks that a set is trainable, with messages a user can
 * act on ("Capture at least 2 samples for each of 2 classes").
 */
export interface ClassSample {
  readonly embedding: Float32Array;
  readonly className: string;
}

export class SampleSetError extends Error {
  override readonly name = 'SampleSetError';
}

/** Class names in order of first appearance. */
export function classNamesOf(samples: readonly ClassSample[]): string[] {
  return [...new Set(samples.map((s) => s.className))];
}

/** Samples per class name, in order of first appearance. */
export function countByClass(samples: readonly ClassSample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.className, (counts.get(s.className) ?? 0) + 1);
  return counts;
}

/**
 * Throws SampleSetError unless there are ≥ 2 classes with ≥ `minPerClass`
 * samples each, all embeddings of one finite length. Returns the class
 * names (first-appearance order) and the embedding length.
 */
export function checkSamples(samples: readonly ClassSample[], minPerClass: number): { classNames: string[]; dim: number } {
  const counts = countByClass(samples);
  const short = [...counts].filter(([, n]) => n < minPerClass);
  if (counts.size < 2 || short.length > 0) {
    const have = counts.size === 0 ? 'none yet' : [...counts].map(([c, n]) => `${c}: ${n}`).join(', ');
    throw new SampleSetError(`Capture at least ${minPerClass} samples for each of 2 classes (have ${have})`);
  }
  const dim = samples[0].embedding.length;
  const bad = samples.findIndex((s) => s.embedding.length !== dim || s.embedding.some((v) => !Number.isFinite(v)));
  if (dim === 0 || bad >= 0) {
    throw new SampleSetError(
      `sample ${Math.max(bad, 0)} has an embedding of length ${samples[Math.max(bad, 0)].embedding.length} or non-finite values; expected ${dim} finite numbers like the first`,
    );
  }
  const empty = [...counts.keys()].find((c) => c.trim() === '');
  if (empty !== undefined) throw new SampleSetError('a class name is empty; name every class');
  return { classNames: [...counts.keys()], dim };
}
