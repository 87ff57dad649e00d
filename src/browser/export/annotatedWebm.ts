import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Output, WebMOutputFormat } from 'mediabunny';
import type { VideoSource } from '../video/types.ts';

/** Draws annotations for frame `index` (0-based) on a context already holding that frame, at source size. */
export type DrawFrame = (ctx: OffscreenCanvasRenderingContext2D, index: number) => void;

export interface AnnotatedWebmOptions {
  /** Bits per second; default scales with the frame area (about 4 bits per pixel per second at 10 fps). */
  readonly bitrate?: number;
  /** A key frame every this many frames (default 60), so players can seek. */
  readonly keyFrameInterval?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (framesDone: number) => void;
}

/** Most frames queued in the encoder before the decode loop waits. */
const MAX_ENCODE_QUEUE = 4;

/**
 * Renders every frame of `source` once with `draw`'s annotations and encodes
 * the result as VP8 in a WebM (WebCodecs VideoEncoder + mediabunny's muxer).
 * Frames keep their source timestamps, so VFR videos stay in sync. Every
 * VideoFrame is closed on every path; the encoder is closed on exit.
 */
export async function encodeAnnotatedWebm(source: VideoSource, draw: DrawFrame, options: AnnotatedWebmOptions = {}): Promise<Blob> {
  const { width, height, frameRate } = source.metadata;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas 2D context unavailable');
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const packets = new EncodedVideoPacketSource('vp8');
  output.addVideoTrack(packets, { frameRate: frameRate.fps });
  await output.start();
  const chunks: Array<{ chunk: EncodedVideoChunk; meta?: EncodedVideoChunkMetadata }> = [];
  let failure: unknown = null;
  const encoder = new VideoEncoder({ output: (chunk, meta) => chunks.push({ chunk, meta }), error: (e) => (failure ??= e) });
  const drain = async () => {
    for (const { chunk, meta } of chunks.splice(0)) await packets.add(EncodedPacket.fromEncodedChunk(chunk), meta);
  };
  try {
    encoder.configure({
      codec: 'vp8',
      width,
      height,
      bitrate: options.bitrate ?? Math.round(width * height * frameRate.fps * 0.4),
      framerate: frameRate.fps,
    });
    const keyEvery = options.keyFrameInterval ?? 60;
    let done = 0;
    for await (const { frame, index, timestampUs } of source.frames({ signal: options.signal })) {
      try {
        ctx.drawImage(frame, 0, 0, width, height);
        draw(ctx, index);
        const out = new VideoFrame(canvas, { timestamp: timestampUs, duration: frame.duration ?? undefined });
        try {
          encoder.encode(out, { keyFrame: index % keyEvery === 0 });
        } finally {
          out.close();
        }
      } finally {
        frame.close();
      }
      if (failure) throw failure;
      while (encoder.encodeQueueSize > MAX_ENCODE_QUEUE) await new Promise((r) => encoder.addEventListener('dequeue', r, { once: true }));
      await drain();
      options.onProgress?.(++done);
    }
    await encoder.flush();
    if (failure) throw failure;
    await drain();
    await output.finalize();
    return new Blob([target.buffer!], { type: 'video/webm' });
  } catch (error) {
    await output.cancel().catch(() => undefined);
    throw error;
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}
