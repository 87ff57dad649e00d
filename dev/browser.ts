import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from phoning home on this closed network. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

/** Converts a clip to .y4m (cached) so Chromium can use it as the fake webcam. */
export function y4mFromClip(clip: string, frames = 150): string {
  const out = join(tmpdir(), `trackscope-${frames}-${clip.replace(/[^a-z0-9]/gi, '_').slice(-40)}.y4m`);
  if (!existsSync(out)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', clip, '-frames:v', String(frames), '-pix_fmt', 'yuv420p', out]);
  }
  return out;
}

/**
 * The first `frames` frames of a clip as base64 JPEGs (high quality, decoded
 * once by ffmpeg and cached), for `window.trackscope.stepLive` in pages opened
 * with `?testHooks=1&liveStep=1`.
 */
export function clipFramesBase64(clip: string, frames = 150): string[] {
  const dir = join(tmpdir(), `trackscope-frames-${frames}-${clip.replace(/[^a-z0-9]/gi, '_').slice(-40)}`);
  const names = () => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.jpg')) : []);
  if (names().length !== frames) {
    mkdirSync(dir, { recursive: true });
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', clip, '-frames:v', String(frames), '-q:v', '2', join(dir, 'f%04d.jpg')]);
  }
  const files = names().sort();
  if (files.length !== frames) throw new Error(`${clip}: ffmpeg gave ${files.length} frames, expected ${frames}`);
  return files.map((n) => readFileSync(join(dir, n)).toString('base64'));
}

export async function launchChromium(options: { fakeCameraFile?: string; extraArgs?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  const args = [...QUIET_FLAGS, ...(options.extraArgs ?? [])];
  if (options.fakeCameraFile) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeCameraFile}`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/** Records every request URL the page makes, for the "nothing leaves localhost" check. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function isLocal(url: string, origin: string): boolean {
  return url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:');
}

export const ARTIFACT_DIR = resolve(import.meta.dirname, '../test-results');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACT_DIR, { recursive: true });
  return join(ARTIFACT_DIR, name);
}
