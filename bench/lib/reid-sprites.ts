/**
 * Real-pixel material for the synthetic re-id scene, derived at run time from
 * the committed clip (tests/fixtures/media/vtest-150.mp4) and the tiny list of
 * person boxes in tests/fixtures/reid/sprites.json:
 * - a median background (per-pixel median over frames spread across the
 *   clip, which removes walking people);
 * - person sprites: the listed box (padded) cut from its frame, with an alpha
 *   mask from background subtraction against that median.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { extractFrames } from './reid-frames.ts';
import { PNG } from 'pngjs';

export const SPRITES_FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/reid/sprites.json');

/** RGB 8-bit image, row-major HWC. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A cut-out person: RGB pixels plus alpha in [0, 1]. */
export interface Sprite extends RgbImage {
  readonly alpha: Float32Array;
}

interface SpritesFixture {
  readonly backgroundFrames: number[];
  readonly sprites: { frame: number; box: [number, number, number, number] }[];
}

/** Absolute per-pixel difference (max over channels) above which a pixel is foreground. */
const FOREGROUND_DIFF = 28;
/** Pixels added around each listed box so arms and feet are not cut. */
const PAD = 4;

function readRgb(path: string): RgbImage {
  const png = PNG.sync.read(readFileSync(path));
  const data = new Uint8ClampedArray(png.width * png.height * 3);
  for (let i = 0, j = 0; i < png.data.length; i += 4, j += 3) data.set([png.data[i], png.data[i + 1], png.data[i + 2]], j);
  return { width: png.width, height: png.height, data };
}

export function medianBackground(frames: readonly RgbImage[]): RgbImage {
  const { width, height } = frames[0];
  const data = new Uint8ClampedArray(width * height * 3);
  const values = new Uint8Array(frames.length);
  for (let i = 0; i < data.length; i++) {
    for (let k = 0; k < frames.length; k++) values[k] = frames[k].data[i];
    values.sort();
    data[i] = values[values.length >> 1];
  }
  return { width, height, data };
}

/** Cuts `box` (padded) from `frame`, alpha = foreground vs `bg`, softened by a 3x3 mean. */
export function cutSprite(frame: RgbImage, bg: RgbImage, box: Tlwh): Sprite {
  const x0 = Math.max(0, Math.round(box[0]) - PAD);
  const y0 = Math.max(0, Math.round(box[1]) - PAD);
  const x1 = Math.min(frame.width, Math.round(box[0] + box[2]) + PAD);
  const y1 = Math.min(frame.height, Math.round(box[1] + box[3]) + PAD);
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 3);
  const hard = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = ((y + y0) * frame.width + x + x0) * 3;
      let diff = 0;
      for (let c = 0; c < 3; c++) {
        data[(y * width + x) * 3 + c] = frame.data[src + c];
        diff = Math.max(diff, Math.abs(frame.data[src + c] - bg.data[src + c]));
      }
      hard[y * width + x] = diff > FOREGROUND_DIFF ? 1 : 0;
    }
  }
  const alpha = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width) [s, n] = [s + hard[yy * width + xx], n + 1];
        }
      }
      alpha[y * width + x] = s / n;
    }
  }
  return { width, height, data, alpha };
}

export interface SceneMaterial {
  readonly background: RgbImage;
  readonly sprites: Sprite[];
}

/** Builds background and sprites from the committed clip (ffmpeg decodes the frames). */
export function loadSceneMaterial(): SceneMaterial {
  const fixture = JSON.parse(readFileSync(SPRITES_FIXTURE, 'utf8')) as SpritesFixture;
  const frameNumbers = [...new Set([...fixture.backgroundFrames, ...fixture.sprites.map((s) => s.frame)])];
  const paths = extractFrames(frameNumbers);
  const byNumber = new Map(frameNumbers.map((n, i) => [n, readRgb(paths[i])]));
  const background = medianBackground(fixture.backgroundFrames.map((n) => byNumber.get(n)!));
  const sprites = fixture.sprites.map((s) => cutSprite(byNumber.get(s.frame)!, background, s.box));
  return { background, sprites };
}

/** Encodes an RGB image as PNG bytes (for looking at generated frames). */
export function encodePng(img: RgbImage): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  for (let i = 0, j = 0; j < img.data.length; i += 4, j += 3) png.data.set([img.data[j], img.data[j + 1], img.data[j + 2], 255], i);
  return PNG.sync.write(png);
}
