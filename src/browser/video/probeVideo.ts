import { IsobmffInputFormat, UnsupportedInputFormatError, type Input, type InputVideoTrack } from 'mediabunny';
import { raceAbort } from './abort';
import { AudioOnlyError } from './AudioOnlyError';
import { CorruptVideoError } from './CorruptVideoError';
import { detectTruncation } from './detectTruncation';
import { needsDownscale } from './downscale';
import { classifyFrameRate } from './frameRate';
import { NotAVideoError } from './NotAVideoError';
import { toRotation, uprightSize } from './rotation';
import { sniffFile } from './sniffContainer';
import type { VideoMetadata } from './types';
import { UnsupportedCodecError } from './UnsupportedCodecError';
import { VideoInputError } from './VideoInputError';

/**
 * How to learn the frame count: 'indexed' reads it only where the container
 * stores a frame index (MP4/MOV sample tables; free); 'scan' also walks every
 * packet header of index-less containers (WebM/MKV/TS), which reads the whole
 * file once.
 */
export type CountFrames = 'indexed' | 'scan';

export interface ProbeResult {
  readonly metadata: VideoMetadata;
  readonly track: InputVideoTrack;
  readonly decoderConfig: VideoDecoderConfig;
}

/** Packets inspected to estimate the frame rate (mediabunny's recommended minimum). */
const FRAME_RATE_PROBE_PACKETS = 256;

/**
 * Reads and validates everything about `input`'s video track before any
 * frame is decoded. Throws a VideoInputError subclass for every bad-input
 * case; anything else the demuxer throws while parsing is reported as a
 * corrupt file (the bytes were recognised, but not readable).
 */
export async function probeVideo(
  input: Input,
  file: Blob,
  fileName: string,
  countFrames: CountFrames,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const step = <T>(p: Promise<T>): Promise<T> => raceAbort(p, signal);
  let container = 'unknown';
  try {
    const format = await step(input.getFormat());
    container = format.name;
    const track = await step(input.getPrimaryVideoTrack());
    const audioTracks = await step(input.getAudioTracks());
    if (!track) {
      if (audioTracks.length > 0) throw new AudioOnlyError(fileName, container, audioTracks.length);
      throw new UnsupportedInputFormatError('no tracks'); // no track at all: classified below like an unreadable file
    }
    const decoderConfig = await step(checkDecodable(track, fileName, container));
    const rotation = toRotation(await step(track.getRotation()));
    const coded = { width: await step(track.getCodedWidth()), height: await step(track.getCodedHeight()) };
    const upright = uprightSize(coded, rotation);
    const startS = await step(track.getFirstTimestamp());
    const endS = await step(track.computeDuration());
    const rates = await step(track.computeFrameRateMetrics({ targetPacketCount: FRAME_RATE_PROBE_PACKETS }));
    const frameRate = classifyFrameRate({
      bestGuessFps: rates.bestGuessFrameRate,
      medianFps: rates.medianFrameRate,
      minFps: rates.minFrameRate,
      maxFps: rates.maxFrameRate,
      probedFrames: rates.probedPacketCount,
    });
    const indexed = format instanceof IsobmffInputFormat;
    const frameCount = indexed || countFrames === 'scan' ? (await step(track.computePacketStats())).packetCount : null;
    const metadata: VideoMetadata = {
      fileName,
      sizeBytes: file.size,
      container,
      codec: (await step(track.getCodec())) ?? 'unknown',
      codecString: decoderConfig.codec,
      codedWidth: coded.width,
      codedHeight: coded.height,
      width: upright.width,
      height: upright.height,
      rotation,
      flipped: await step(track.getFlip()),
      startUs: Math.round(startS * 1e6),
      durationUs: Math.round((endS - startS) * 1e6),
      frameRate,
      frameCount,
      needsDownscale: needsDownscale(upright),
      hasAudio: audioTracks.length > 0,
      truncation: await step(detectTruncation(input, 1e6 / frameRate.fps)),
    };
    return { metadata, track, decoderConfig };
  } catch (error) {
    throw await toInputError(error, fileName, file, container, signal);
  }
}

/** Resolves the decoder config, or throws UnsupportedCodecError before anything is decoded. */
async function checkDecodable(track: InputVideoTrack, fileName: string, container: string): Promise<VideoDecoderConfig> {
  const [codec, config, width, height] = await Promise.all([
    track.getCodec(),
    track.getDecoderConfig(),
    track.getCodedWidth(),
    track.getCodedHeight(),
  ]);
  if (!codec || !config) throw new UnsupportedCodecError(fileName, 'unknown', container, width, height);
  if (typeof VideoDecoder === 'undefined') {
    throw new UnsupportedCodecError(fileName, config.codec, container, width, height, {
      cause: new Error('WebCodecs VideoDecoder is not available in this browser'),
    });
  }
  let support: VideoDecoderSupport;
  try {
    support = await VideoDecoder.isConfigSupported(config);
  } catch (cause) {
    // isConfigSupported throws TypeError for configs it considers invalid (e.g. a malformed codec string).
    throw new UnsupportedCodecError(fileName, config.codec, container, width, height, { cause });
  }
  if (!support.supported) throw new UnsupportedCodecError(fileName, config.codec, container, width, height);
  return config;
}

async function toInputError(error: unknown, fileName: string, file: Blob, container: string, signal?: AbortSignal): Promise<unknown> {
  if (error instanceof VideoInputError) return error;
  if (signal?.aborted && error === signal.reason) return error;
  if (error instanceof UnsupportedInputFormatError) {
    const family = await sniffFile(file).catch(() => 'unknown' as const);
    if (family === 'unknown') return new NotAVideoError(fileName, file.type, { cause: error });
    const what = family === 'isobmff' ? 'MP4/MOV' : 'WebM/MKV';
    return new CorruptVideoError(
      fileName,
      'open',
      0,
      null,
      `it starts like an ${what} file but its index or header is missing or damaged`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CorruptVideoError(fileName, 'open', 0, null, `${container} header could not be read: ${detail}`, { cause: error });
}
