/** A detector's model could not be loaded (network, missing files, bad graph). */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';

  constructor(
    /** The detector that failed, e.g. 'coco-ssd'. */
    readonly detector: string,
    /** Where the model was loaded from (URL or folder). */
    readonly location: string,
    options?: { cause?: unknown },
  ) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? 'unknown error');
    super(`could not load the ${detector} model from ${location}: ${reason}`, options);
  }
}
