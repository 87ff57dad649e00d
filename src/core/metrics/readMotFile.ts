/**
 * Node-only helper: reads a MOTChallenge file from disk and parses it.
 * Kept apart from `motFormat.ts` so the core stays browser-safe; the public
 * `index.ts` does not re-export it.
 */
import { readFile } from 'node:fs/promises';
import { parseMot, type MotRow } from './motFormat.ts';

export async function readMotFile(path: string): Promise<MotRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Cannot read MOT file ${path}: ${reason}`, { cause: err });
  }
  return parseMot(text, path);
}
