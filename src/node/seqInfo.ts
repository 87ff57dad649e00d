/**
 * Node-only: the one reader of MOTChallenge `seqinfo.ini` files, shared by the
 * frame input (image sequences for `npm run track`) and the detection-file
 * runner (`npm run track:mot`, the tracker bench and regression test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `[Sequence]` keys the tools use; absent numeric keys are null. */
export interface SeqInfo {
  readonly path: string;
  readonly name: string | null;
  readonly frameRate: number;
  readonly seqLength: number | null;
  readonly imWidth: number | null;
  readonly imHeight: number | null;
  readonly imDir: string;
  readonly imExt: string;
}

/** `key=value` lines (comments, blank lines and `[section]` headers are skipped). */
export function parseSeqInfo(text: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^=;#[\]]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) info[m[1]] = m[2];
  }
  return info;
}

function positiveOrNull(raw: string | undefined, key: string, path: string): number | null {
  if (raw === undefined || raw === '') return null;
  const v = Number(raw);
  if (!(v > 0)) throw new Error(`${path}: ${key} must be a positive number, got "${raw}"`);
  return v;
}

/** Reads `<dir>/seqinfo.ini`; `frameRate` is required, the other numbers may be absent. */
export function readSeqInfo(dir: string): SeqInfo {
  const path = join(dir, 'seqinfo.ini');
  const raw = parseSeqInfo(readFileSync(path, 'utf8'));
  const frameRate = positiveOrNull(raw.frameRate, 'frameRate', path);
  if (frameRate === null) throw new Error(`${path}: frameRate must be a positive number, got nothing`);
  return {
    path,
    name: raw.name ?? null,
    frameRate,
    seqLength: positiveOrNull(raw.seqLength, 'seqLength', path),
    imWidth: positiveOrNull(raw.imWidth, 'imWidth', path),
    imHeight: positiveOrNull(raw.imHeight, 'imHeight', path),
    imDir: raw.imDir ?? 'img1',
    imExt: raw.imExt ?? '.jpg',
  };
}
