/**
 * In-page side of the video tests and bench: drives src/browser/video on the
 * file chosen in #file and returns plain JSON to Playwright. Heap samples are
 * taken by the Node side (CDP) through the exposed `__sampleHeap` binding.
 */
import {
  openVideo,
  VideoInputError,
  type CountFrames,
  type FrameStream,
  type FrameStreamStats,
  type VideoLimits,
  type VideoMetadata,
} from '../../../src/browser/video';
import { FrameSeeker } from '../../../src/app/video/frameSeeker';

export interface ErrorInfo {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface RunResult {
  metadata: VideoMetadata | null;
  frames: number;
  firstTimestampUs: number | null;
  lastTimestampUs: number | null;
  /** Indices are 0..n-1 and timestamps strictly increase. */
  ordered: boolean;
  firstFrameSize: { width: number; height: number } | null;
  /** Mean luma (0-255, BT.601 on RGB) of the first frame scaled to `grid`, row-major; [] unless asked. */
  firstFrameLuma: number[];
  stats: unknown;
  decodeMs: number;
  error: ErrorInfo | null;
}

export interface SeekResult {
  /** Milliseconds from each request to its decoded frame, in request order. */
  ms: number[];
  /** Requests that returned no frame. */
  missed: number;
  error: ErrorInfo | null;
}

export interface RunOptions {
  countFrames?: CountFrames;
  maxAhead?: number;
  /** Call window.__sampleHeap(index) every N frames (and at the start and end). */
  heapEvery?: number;
  /** Stop pulling for `pauseMs` after `pauseAt` frames; records stats before and after the pause. */
  pauseAt?: number;
  pauseMs?: number;
  /** Return the first frame scaled to this size as luma, to check orientation against ffmpeg. */
  grid?: { width: number; height: number };
  /** Leave the loop with `break` after this many frames. */
  stopAt?: number;
  /** Abort the signal after this many frames. */
  abortAt?: number;
}

declare global {
  interface Window {
    __sampleHeap?: (index: number) => Promise<void>;
    videoHarness: typeof harness;
  }
}

function file(): File {
  const f = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!f) throw new Error('no file chosen in #file');
  return f;
}

function errorInfo(error: unknown): ErrorInfo {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  if (error instanceof VideoInputError) {
    for (const [k, v] of Object.entries(error)) if (typeof v !== 'object' || v === null) fields[k] = v;
  }
  return { name: error.name, message: error.message, fields };
}

function luma(frame: VideoFrame, grid: { width: number; height: number }): number[] {
  const canvas = new OffscreenCanvas(grid.width, grid.height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(frame, 0, 0, grid.width, grid.height);
  const rgba = ctx.getImageData(0, 0, grid.width, grid.height).data;
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) out.push(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const harness = {
  /**
   * Times the Video view's scrubbing (FrameSeeker) on the chosen file: each
   * timestamp is requested after the previous one is drawn, as a user
   * stepping the slider would. One untimed warm-up seek opens the decoder.
   */
  async seek(timestampsUs: readonly number[]): Promise<SeekResult> {
    const seeker = new FrameSeeker(file());
    const result: SeekResult = { ms: [], missed: 0, error: null };
    try {
      await seeker.frameAt(0);
      for (const t of timestampsUs) {
        const t0 = performance.now();
        const frame = await seeker.frameAt(t);
        result.ms.push(performance.now() - t0);
        if (!frame) result.missed++;
      }
    } catch (error) {
      result.error = errorInfo(error);
    } finally {
      seeker.close();
    }
    return result;
  },
  async probe(
    countFrames: CountFrames = 'indexed',
    limits: Partial<VideoLimits> = {},
  ): Promise<{ metadata: VideoMetadata | null; error: ErrorInfo | null }> {
    try {
      const source = await openVideo(file(), { countFrames, limits });
      source.close();
      return { metadata: source.metadata, error: null };
    } catch (error) {
      return { metadata: null, error: errorInfo(error) };
    }
  },

  async run(options: RunOptions = {}): Promise<RunResult & { pause?: { before: FrameStreamStats; after: FrameStreamStats } }> {
    const result: RunResult & { pause?: { before: FrameStreamStats; after: FrameStreamStats } } = {
      metadata: null,
      frames: 0,
      firstTimestampUs: null,
      lastTimestampUs: null,
      ordered: true,
      firstFrameSize: null,
      firstFrameLuma: [],
      stats: null,
      decodeMs: 0,
      error: null,
    };
    const controller = new AbortController();
    let source;
    try {
      source = await openVideo(file(), { countFrames: options.countFrames, signal: controller.signal });
    } catch (error) {
      result.error = errorInfo(error);
      return result;
    }
    result.metadata = source.metadata;
    let stream: FrameStream | undefined;
    const t0 = performance.now();
    try {
      stream = source.frames({ maxAhead: options.maxAhead });
      if (options.heapEvery) await window.__sampleHeap?.(0);
      for await (const { frame, index, timestampUs } of stream) {
        if (index === 0) {
          result.firstFrameSize = { width: frame.displayWidth, height: frame.displayHeight };
          if (options.grid) result.firstFrameLuma = luma(frame, options.grid);
        }
        frame.close();
        if (index !== result.frames || (result.lastTimestampUs !== null && timestampUs <= result.lastTimestampUs)) result.ordered = false;
        result.firstTimestampUs ??= timestampUs;
        result.lastTimestampUs = timestampUs;
        result.frames++;
        if (options.heapEvery && result.frames % options.heapEvery === 0) await window.__sampleHeap?.(result.frames);
        if (result.frames === options.pauseAt) {
          const before = stream.stats;
          await sleep(options.pauseMs ?? 300);
          result.pause = { before, after: stream.stats };
        }
        if (result.frames === options.abortAt) controller.abort();
        if (result.frames === options.stopAt) break;
      }
    } catch (error) {
      result.error = errorInfo(error);
    } finally {
      result.decodeMs = performance.now() - t0;
      result.stats = stream?.stats ?? null;
      source.close();
    }
    return result;
  },
};

window.videoHarness = harness;
