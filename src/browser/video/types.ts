/** Clockwise rotation, in degrees, that the container asks players to apply. */
export type Rotation = 0 | 90 | 180 | 270;

/** Frame rate as measured from packet timestamps (never trusted from header fields). */
export interface FrameRateInfo {
  /** Best estimate of the intended rate, frames per second. */
  readonly fps: number;
  /** True when frame-to-frame intervals differ beyond timestamp rounding (see frameRate.ts). */
  readonly isVariable: boolean;
  /** Slowest and fastest instantaneous rates seen in the probed frames, fps. */
  readonly minFps: number;
  readonly maxFps: number;
  /** How many frames the estimate is based on (a prefix of the stream). */
  readonly probedFrames: number;
}

/**
 * What `openVideo` learns before decoding. Sizes are in source pixels.
 *
 * Orientation decision: `width`/`height` are the UPRIGHT size, after the
 * container's rotation is applied, and every frame `frames()` yields is
 * already upright at that size (see rotation.ts). `codedWidth`/`codedHeight`
 * are the stored, unrotated size. Downstream code (detection boxes, overlay)
 * therefore never needs to know a rotation existed.
 */
export interface VideoMetadata {
  readonly fileName: string;
  readonly sizeBytes: number;
  /** Container name as the demuxer reports it, e.g. 'MP4', 'WebM'. */
  readonly container: string;
  /** Short codec name ('avc', 'hevc', 'vp8', 'vp9', 'av1'). */
  readonly codec: string;
  /** Full WebCodecs codec string, e.g. 'avc1.64001e'. */
  readonly codecString: string;
  readonly codedWidth: number;
  readonly codedHeight: number;
  readonly width: number;
  readonly height: number;
  readonly rotation: Rotation;
  /** Horizontal mirror requested by the container (applied after rotation). */
  readonly flipped: boolean;
  /** Presentation time of the first frame, microseconds (often 0, may be negative). */
  readonly startUs: number;
  /** End of the last frame minus the start, microseconds. */
  readonly durationUs: number;
  readonly frameRate: FrameRateInfo;
  /**
   * Number of frames in the video track, or null when it is not knowable
   * without reading the whole file (WebM/MKV have no frame index; pass
   * `countFrames: 'scan'` to read it anyway). For MP4/MOV it comes from the
   * sample table.
   */
  readonly frameCount: number | null;
  /** True when the frame is larger than inference needs; see downscale.ts. */
  readonly needsDownscale: boolean;
  readonly hasAudio: boolean;
  /**
   * Set when the header declares a longer duration than the media present
   * (see detectTruncation.ts). Frames that exist still stream, then the
   * stream ends with CorruptVideoError. MP4 truncation is caught instead by
   * the sample table's frame count.
   */
  readonly truncation: Truncation | null;
}

export interface Truncation {
  readonly declaredDurationUs: number;
  readonly readableDurationUs: number;
}

/** One decoded frame. The consumer OWNS `frame` and must call `frame.close()`. */
export interface DecodedFrame {
  readonly frame: VideoFrame;
  /** 0-based position in presentation order. */
  readonly index: number;
  /** Presentation timestamp from the container, microseconds. */
  readonly timestampUs: number;
}

/** Live counters of a frame stream, for progress UIs and backpressure tests. */
export interface FrameStreamStats {
  /** Packets handed to the decoder so far. */
  readonly packetsSent: number;
  /** Frames handed to the consumer so far. */
  readonly framesYielded: number;
  /** Most frames that were ever decoded-or-decoding but not yet yielded. */
  readonly maxAhead: number;
  /** Smallest and largest gap between consecutive yielded timestamps, µs (0 until two frames). */
  readonly minIntervalUs: number;
  readonly maxIntervalUs: number;
}

/**
 * An async iterable of frames that also exposes its counters. Iterate it
 * once; call `VideoSource.frames()` again for another pass from the start.
 */
export interface FrameStream extends AsyncIterable<DecodedFrame> {
  readonly stats: FrameStreamStats;
}

export interface FramesOptions {
  /** Cancels the stream; pending frames are closed and the decoder released. */
  readonly signal?: AbortSignal;
  /**
   * Most packets in flight (queued in the decoder or decoded but not yet
   * pulled). The decoder never runs further ahead than this; default 8.
   */
  readonly maxAhead?: number;
}

/** An opened video. `frames()` may be called again to stream from the start. */
export interface VideoSource {
  readonly metadata: VideoMetadata;
  /** Streams every frame once, in presentation order. See decodeFrames.ts. */
  frames(options?: FramesOptions): FrameStream;
  /** Releases the demuxer. Running streams end with an error on their next read. */
  close(): void;
}
