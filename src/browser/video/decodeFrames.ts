import { EncodedPacketSink, InputDisposedError, type InputVideoTrack } from 'mediabunny';
import { raceAbort, throwIfAborted } from './abort';
import { CorruptVideoError } from './CorruptVideoError';
import type { FrameOrienter } from './rotation';
import type { DecodedFrame, FrameStream, FrameStreamStats, Truncation } from './types';

/** Default cap on packets queued in the decoder while the consumer is not pulling. */
export const DEFAULT_MAX_AHEAD = 8;

export interface DecodeJob {
  readonly track: InputVideoTrack;
  readonly config: VideoDecoderConfig;
  readonly fileName: string;
  /** Frame count from the container index; fewer decoded frames means a truncated file. */
  readonly expectedFrames: number | null;
  /** Header says the file is longer than its media: end with CorruptVideoError after the last frame. */
  readonly truncation: Truncation | null;
  readonly orienter: FrameOrienter;
  readonly signal?: AbortSignal;
  readonly maxAhead: number;
}

interface MutableStats {
  packetsSent: number;
  framesYielded: number;
  maxAhead: number;
  minIntervalUs: number;
  maxIntervalUs: number;
}

/**
 * A stream of every decoded frame, in presentation order, pulled on demand.
 *
 * Backpressure: the loop only runs while the consumer is awaiting the next
 * frame. It feeds the decoder one packet at a time, only when no decoded
 * frame is waiting, and never with more than `maxAhead` packets queued in
 * the decoder. So a paused consumer (one that simply stops pulling) holds at
 * most `maxAhead` queued packets plus the codec's own reorder buffer, and
 * nothing else is read from the file. Decoded frames the consumer never
 * received are closed on every exit path: end, break, abort and error.
 */
export function createFrameStream(job: DecodeJob): FrameStream {
  const stats: MutableStats = { packetsSent: 0, framesYielded: 0, maxAhead: 0, minIntervalUs: 0, maxIntervalUs: 0 };
  return {
    get stats(): FrameStreamStats {
      return { ...stats };
    },
    [Symbol.asyncIterator]: () => decodeFrames(job, stats),
  };
}

async function* decodeFrames(job: DecodeJob, stats: MutableStats): AsyncGenerator<DecodedFrame, void, undefined> {
  const { signal } = job;
  throwIfAborted(signal);
  const ready: VideoFrame[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const decoder = new VideoDecoder({
    output: (frame) => {
      ready.push(frame);
      notify();
    },
    error: (error) => {
      failure ??= error;
      notify();
    },
  });
  decoder.addEventListener('dequeue', notify);
  const packets = new EncodedPacketSink(job.track).packets();
  let demuxDone = false;
  let flushed = false;
  let lastTimestamp: number | null = null;
  try {
    decoder.configure(job.config);
    for (;;) {
      throwIfAborted(signal);
      if (failure) throw failure;
      const frame = ready.shift();
      if (frame) {
        const index = stats.framesYielded++;
        const timestampUs = frame.timestamp; // read before orient(), which may close `frame`
        if (lastTimestamp !== null) recordInterval(stats, timestampUs - lastTimestamp);
        lastTimestamp = timestampUs;
        yield { frame: job.orienter.orient(frame), index, timestampUs };
        continue;
      }
      if (flushed) break;
      if (!demuxDone && decoder.decodeQueueSize < job.maxAhead) {
        const next = await raceAbort(packets.next(), signal);
        if (next.done) demuxDone = true;
        else if (!failure) {
          try {
            decoder.decode(next.value.toEncodedVideoChunk());
          } catch (error) {
            failure ??= error; // e.g. DataError: a delta frame where a key frame is required
            continue;
          }
          stats.packetsSent++;
          stats.maxAhead = Math.max(stats.maxAhead, stats.packetsSent - stats.framesYielded);
        }
      } else if (demuxDone) {
        await raceAbort(decoder.flush(), signal);
        flushed = true;
      } else {
        await raceAbort(
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
          signal,
        );
      }
    }
    checkComplete(job, stats);
  } catch (error) {
    throw classify(error, job, stats, failure);
  } finally {
    wake = null;
    decoder.removeEventListener('dequeue', notify);
    for (const frame of ready.splice(0)) frame.close();
    if (decoder.state !== 'closed') decoder.close();
    // Not awaited: a read may still be in flight after an abort; the generator ends once it settles.
    packets.return(undefined).catch(() => undefined);
  }
}

/** After the last frame: fewer frames than the index promises, or a cut-short header, means a damaged file. */
function checkComplete(job: DecodeJob, stats: MutableStats): void {
  const { expectedFrames, truncation } = job;
  if (expectedFrames !== null && stats.framesYielded < expectedFrames) {
    throw new CorruptVideoError(job.fileName, 'decode', stats.framesYielded, expectedFrames, 'the file ends before its last frame');
  }
  if (truncation) {
    const s = (us: number): string => `${(us / 1e6).toFixed(1)} s`;
    const detail = `the media ends at ${s(truncation.readableDurationUs)} but the file header declares ${s(truncation.declaredDurationUs)}`;
    throw new CorruptVideoError(job.fileName, 'decode', stats.framesYielded, null, detail);
  }
}

function recordInterval(stats: MutableStats, intervalUs: number): void {
  if (stats.minIntervalUs === 0 || intervalUs < stats.minIntervalUs) stats.minIntervalUs = intervalUs;
  if (intervalUs > stats.maxIntervalUs) stats.maxIntervalUs = intervalUs;
}

/**
 * Abort reasons and our own errors pass through. Anything else means damaged
 * data: the decoder's own error wins (a later flush/decode rejection is only
 * its echo), otherwise the demuxer failed to read the file.
 */
function classify(error: unknown, job: DecodeJob, stats: MutableStats, decoderFailure: unknown): unknown {
  if (job.signal?.aborted && error === job.signal.reason) return error;
  if (error instanceof CorruptVideoError || error instanceof InputDisposedError) return error;
  const cause = decoderFailure ?? error;
  const detail = `${decoderFailure ? 'decoder' : 'demuxer'}: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new CorruptVideoError(job.fileName, 'decode', stats.framesYielded, job.expectedFrames, detail, { cause });
}
