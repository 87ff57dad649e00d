import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseMot, type MotRow } from '../../../src/core/metrics/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const cache = new Map<string, Promise<{ rows: MotRow[]; text: string; stderr: string }>>();

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
    p = promisify(execFile)('npx', ['tsx', 'cli/track.ts', clip, '--out', out, ...extra], { cwd: ROOT, timeout: 600_000 }).then(
      ({ stderr }) => {
        const text = readFileSync(out, 'utf8');
        return { rows: parseMot(text, out), text, stderr };
      },
    );
    cache.set(key, p);
  }
  return p;
}
