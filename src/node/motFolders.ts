/**
 * Node-only: pairs a MOTChallenge ground-truth folder with a results folder
 * the way TrackEval does: every `<gt>/<seq>/gt/gt.txt` (or `<gt>/<seq>/gt.txt`)
 * is scored against `<res>/<seq>.txt`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SequencePair {
  readonly name: string;
  readonly gt: string;
  readonly res: string;
}

/** The sequences of `gtDir`, sorted by name; throws naming any result file that is missing. */
export function pairMotFolders(gtDir: string, resDir: string): SequencePair[] {
  const pairs: SequencePair[] = [];
  for (const name of readdirSync(gtDir).sort()) {
    if (!statSync(join(gtDir, name)).isDirectory()) continue;
    const gt = [join(gtDir, name, 'gt', 'gt.txt'), join(gtDir, name, 'gt.txt')].find((p) => existsSync(p));
    if (!gt) continue;
    const res = join(resDir, `${name}.txt`);
    if (!existsSync(res)) throw new Error(`${res}: no result file for sequence ${name} (expected <results>/<sequence>.txt)`);
    pairs.push({ name, gt, res });
  }
  if (pairs.length === 0) throw new Error(`${gtDir}: no sequences (folders holding gt/gt.txt or gt.txt)`);
  return pairs;
}
