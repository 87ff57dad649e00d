import { VideoInputError } from './VideoInputError';

/** Where the damage was found: while reading the container's header, or mid-stream. */
export type CorruptStage = 'open' | 'decode';

/**
 * The file is truncated or damaged. At `open` nothing could be decoded; at
 * `decode` the stream stopped after `framesDecoded` good frames (all of which
 * were already delivered to the consumer). `expectedFrames` is the container's
 * own frame count when it has one.
 */
export class CorruptVideoError extends VideoInputError {
  override readonly name = 'CorruptVideoError';
  constructor(
    fileName: string,
    readonly stage: CorruptStage,
    readonly framesDecoded: number,
    readonly expectedFrames: number | null,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(fileName, CorruptVideoError.describe(fileName, stage, framesDecoded, expectedFrames, detail), options);
  }

  private static describe(file: string, stage: CorruptStage, decoded: number, expected: number | null, detail: string): string {
    if (stage === 'open') return `"${file}" is damaged or incomplete and cannot be opened (${detail}).`;
    const of = expected === null ? '' : ` of ${expected}`;
    return `"${file}" is damaged or incomplete: decoding stopped after ${decoded}${of} frames (${detail}).`;
  }
}
