/**
 * The hand-labelled real images the detector benchmarks score person recall
 * on: five vtest.avi frames (tests/fixtures/labels/persons.json, decoded with
 * ffmpeg at run time) and the four COCO photos of tests/fixtures/media
 * (astronaut.png labelled; the others checked by class).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MEDIA_DIR = join(ROOT, 'tests/fixtures/media');
const LABELS = join(ROOT, 'tests/fixtures/labels/persons.json');

/** The COCO photos and the class each must contain. */
export const PHOTOS: Record<string, string> = {
  'astronaut.png': 'person',
  'coffee.png': 'cup',
  'motorcycle_left.png': 'motorcycle',
  'chelsea.png': 'cat',
};

interface Labels {
  readonly vtest: string;
  readonly frames: Record<string, Tlwh[]>;
  readonly media: Record<string, Tlwh[]>;
}

export interface Image {
  readonly file: string;
  readonly path: string;
  /** Labelled persons, or undefined for a photo checked by class only. */
  readonly persons?: readonly Tlwh[];
  readonly isVtest: boolean;
}

/** The labelled vtest frames as PNGs in a temp folder, with the photos (so a browser can serve one folder). */
export function loadLabelledImages(): { dir: string; images: Image[] } {
  const labels = JSON.parse(readFileSync(LABELS, 'utf8')) as Labels;
  const dir = join(tmpdir(), 'trackscope-bench-ladder');
  mkdirSync(dir, { recursive: true });
  const images: Image[] = Object.entries(labels.frames).map(([n, persons]) => {
    const file = `vtest-${n}.png`;
    const path = join(dir, file);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', labels.vtest, '-vf', `select=eq(n\\,${n})`, '-vsync', '0', '-frames:v', '1', path]);
    return { file, path, persons, isVtest: true };
  });
  for (const file of Object.keys(PHOTOS)) {
    copyFileSync(join(MEDIA_DIR, file), join(dir, file));
    images.push({ file, path: join(dir, file), persons: labels.media[file], isVtest: false });
  }
  return { dir, images };
}
