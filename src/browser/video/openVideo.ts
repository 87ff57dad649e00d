import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import { anySignal, throwIfAborted } from './abort';
import { createFrameStream, DEFAULT_MAX_AHEAD } from './decodeFrames';
import { EmptyFileError } from './EmptyFileError';
import { TooLargeError } from './TooLargeError';
import { probeVideo, type CountFrames } from './probeVideo';
import { FrameOrienter } from './rotation';
import type { FramesOptions, FrameStream, VideoSource } from './types';
import { describeFile } from './VideoInputError';

export interface OpenVideoOptions {
  /** Cancels opening; also the default cancel signal of every `frames()` stream. */
  readonly signal?: AbortSignal;
  /** See CountFrames; default 'indexed' (never reads the whole file up front). */
  readonly countFrames?: CountFrames;
  /** Upload limits; defaults `DEFAULT_VIDEO_LIMITS`. */
  readonly limits?: Partial<VideoLimits>;
}

export interface VideoLimits {
  /** Largest accepted file, bytes. */
  readonly maxBytes: number;
  /** Longest accepted video, seconds. */
  readonly maxDurationSeconds: number;
}

/**
 * 8 GiB and 3 hours: decoding streams, so memory is not the bound; these keep
 * a run (about 6 frames/s on a 2-core CPU) within what a user would wait for
 * and stop an accidental multi-hour upload before it starts.
 */
export const DEFAULT_VIDEO_LIMITS: VideoLimits = Object.freeze({ maxBytes: 8 * 2 ** 30, maxDurationSeconds: 3 * 3600 });

/** Error for a bad `maxAhead` option, naming the value and the allowed range. */
export class FramesOptionError extends RangeError {
  override readonly name = 'FramesOptionError';
  constructor(
    readonly option: string,
    readonly value: unknown,
  ) {
    super(`${option} is ${String(value)}; expected an integer from 1 to 64`);
  }
}

/**
 * Opens an uploaded video: recognises the container, picks the primary video
 * track, checks the browser can decode it, and reads its metadata. Nothing is
 * decoded yet and the file is read lazily (in ranges, never whole).
 *
 * Throws EmptyFileError, NotAVideoError, AudioOnlyError, UnsupportedCodecError
 * or CorruptVideoError (all VideoInputError) for bad input, and the signal's
 * reason when aborted. The caller must `close()` the returned source.
 */
export async function openVideo(file: Blob, options: OpenVideoOptions = {}): Promise<VideoSource> {
  const { signal, countFrames = 'indexed' } = options;
  const limits = { ...DEFAULT_VIDEO_LIMITS, ...options.limits };
  throwIfAborted(signal);
  const fileName = describeFile(file);
  if (file.size === 0) throw new EmptyFileError(fileName);
  if (file.size > limits.maxBytes) throw new TooLargeError(fileName, 'size', file.size, limits.maxBytes);
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const probe = await probeVideo(input, file, fileName, countFrames, signal);
    const { metadata } = probe;
    const seconds = metadata.durationUs / 1e6;
    if (seconds > limits.maxDurationSeconds) throw new TooLargeError(fileName, 'duration', seconds, limits.maxDurationSeconds);
    return {
      metadata,
      frames(framesOptions: FramesOptions = {}): FrameStream {
        const maxAhead = framesOptions.maxAhead ?? DEFAULT_MAX_AHEAD;
        if (!Number.isInteger(maxAhead) || maxAhead < 1 || maxAhead > 64) throw new FramesOptionError('maxAhead', maxAhead);
        return createFrameStream({
          track: probe.track,
          config: probe.decoderConfig,
          fileName,
          expectedFrames: metadata.frameCount,
          truncation: metadata.truncation,
          orienter: new FrameOrienter(metadata.rotation, metadata.flipped),
          signal: anySignal(signal, framesOptions.signal),
          maxAhead,
        });
      },
      close: () => input.dispose(),
    };
  } catch (error) {
    input.dispose();
    throw error;
  }
}
