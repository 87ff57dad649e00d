/**
 * Node-only: decodes a video (or an image sequence pattern) with ffmpeg into
 * raw RGB frames, streamed one at a time, so memory stays bounded on long
 * videos. Each frame is yielded exactly once, in order, with its 0-based index.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';

export interface VideoProbe {
  width: number;
  height: number;
  frameRate: number;
  /** Frames in the container when the container says so; null otherwise. */
  frameCount: number | null;
  codec: string;
}

function parseRate(rate: string | undefined): number {
  const [n, d] = (rate ?? '0/1').split('/').map(Number);
  return d ? n / d : n;
}

/** Reads stream metadata with ffprobe; throws a message naming the file when it has no video. */
export function probeVideo(path: string): VideoProbe {
  let out: string;
  try {
    out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,codec_name',
        '-of',
        'json',
        path,
      ],
      { encoding: 'utf8' },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim();
    throw new Error(`${path}: ffprobe could not read it${stderr ? ` (${stderr.split('\n').pop()})` : ''}`, { cause: error });
  }
  const stream = (JSON.parse(out) as { streams?: Array<Record<string, string | number>> }).streams?.[0];
  if (!stream) throw new Error(`${path}: no video stream`);
  const nb = Number(stream.nb_frames);
  const rate = parseRate(String(stream.avg_frame_rate)) || parseRate(String(stream.r_frame_rate));
  return {
    width: Number(stream.width),
    height: Number(stream.height),
    frameRate: rate,
    frameCount: Number.isFinite(nb) && nb > 0 ? nb : null,
    codec: String(stream.codec_name),
  };
}

export interface RawFrame {
  index: number;
  width: number;
  height: number;
  /** Tightly packed RGB, height * width * 3 bytes. Reused buffers are never handed out twice. */
  data: Uint8Array;
}

/** Streams RGB frames from `input` (a file, or an ffmpeg pattern such as img1/%06d.jpg with `inputArgs`). */
export async function* ffmpegFrames(
  input: string,
  size: { width: number; height: number },
  inputArgs: string[] = [],
): AsyncGenerator<RawFrame> {
  const frameBytes = size.width * size.height * 3;
  const proc = spawn(
    'ffmpeg',
    ['-v', 'error', ...inputArgs, '-i', input, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-vsync', 'passthrough', 'pipe:1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve) => proc.on('close', (code) => resolve(code ?? 1)));
  // Pipe reads arrive in 64 KiB chunks: they are collected and joined once a whole frame is there.
  // (Joining on every chunk copied the partial frame again each time, about 20 copies per 768x576 frame.)
  let chunks: Buffer[] = [];
  let buffered = 0;
  let index = 0;
  try {
    for await (const chunk of proc.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      buffered += chunk.length;
      if (buffered < frameBytes) continue;
      let pending = Buffer.concat(chunks, buffered);
      while (pending.length >= frameBytes) {
        const data = new Uint8Array(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
        yield { index: index++, width: size.width, height: size.height, data };
      }
      chunks = pending.length > 0 ? [pending] : [];
      buffered = pending.length;
    }
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed on ${input} after ${index} frames: ${stderr.trim().split('\n').pop()}`);
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}
