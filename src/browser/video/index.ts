/**
 * Frame-accurate video input: open an uploaded file, read its metadata, and
 * stream every decoded frame once, in presentation order (WebCodecs
 * VideoDecoder fed by mediabunny's demuxer). Framework-free; runs wherever
 * WebCodecs does (page or worker).
 */
export { openVideo, FramesOptionError, DEFAULT_VIDEO_LIMITS, type OpenVideoOptions, type VideoLimits } from './openVideo';
export { TooLargeError } from './TooLargeError';
export type { CountFrames } from './probeVideo';
export { DEFAULT_MAX_AHEAD } from './decodeFrames';
export { inferenceSize, needsDownscale, InvalidSizeError, MAX_INFERENCE_LONG_SIDE, type Size } from './downscale';
export { isVariableInterval, VFR_ABSOLUTE_TOLERANCE_US, VFR_RELATIVE_TOLERANCE } from './frameRate';
export { uprightSize, FrameOrienter } from './rotation';
export { sniffContainer, type ContainerFamily } from './sniffContainer';
export { detectTruncation, TRUNCATION_SLACK_FRAMES } from './detectTruncation';
export { VideoInputError } from './VideoInputError';
export { EmptyFileError } from './EmptyFileError';
export { NotAVideoError } from './NotAVideoError';
export { AudioOnlyError } from './AudioOnlyError';
export { UnsupportedCodecError } from './UnsupportedCodecError';
export { CorruptVideoError, type CorruptStage } from './CorruptVideoError';
export type {
  DecodedFrame,
  FrameRateInfo,
  FramesOptions,
  FrameStream,
  FrameStreamStats,
  Rotation,
  Truncation,
  VideoMetadata,
  VideoSource,
} from './types';
export { yuv420ToRgb, YUV_MATRICES, type Yuv420Layout, type YuvMatrix } from './yuvToRgb';
export { videoFrameToRgb, type RgbFrame } from './frameToRgb';
