import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseMot, type MotRow } from '../../../src/core/metrics/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The project's own tsx, as `npm run track` uses it (no `npx` lookup on every spawn). */
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);
const cache = new Map<string, Promise<{ rows: MotRow[]; text: string; stderr: string }>>();

/** Runs `tsx <script> ...args` in the repository root; throws (with code, stdout, stderr) on a non-zero exit. */
export function runTsx(script: string, args: readonly string[], timeout = 600_000): Promise<{ stdout: string; stderr: string }> {
  return run(TSX, [script, ...args], { cwd: ROOT, timeout });
}

/** `npm run track -- clip --out dir/<clip>.txt` (memoised per clip and options within a test file). */
export function runTrackCli(
  clip: string,
  dir: string,
  extra: readonly string[] = [],
): Promise<{ rows: MotRow[]; text: string; stderr: string }> {
  const key = [clip, dir, ...extra].join('|');
  let p = cache.get(key);
  if (!p) {
    const out = join(dir, `${basename(clip)}.${cache.size}.cli.txt`);
    p = runTsx('cli/track.ts', [clip, '--out', out, ...extra]).then(({ stderr }) => {
      const text = readFileSync(out, 'utf8');
      return { rows: parseMot(text, out), text, stderr };
    });
    cache.set(key, p);
  }
  return p;
}
