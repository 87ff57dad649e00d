import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatMot, parseMot } from '../../src/core/metrics/index.ts';
import { vtest40Vp8 } from '../../dev/video/appVideo';
import { runTrackCli } from './lib/runTrack';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'trackscope-cli-'));

/** Runs the CLI and returns its exit code and output instead of throwing on failure. */
async function track(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'cli/track.ts', ...args], { cwd: ROOT, timeout: 300_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('npm run track: bad input', () => {
  it('exits non-zero naming a missing file', async () => {
    const r = await track(join(tmp, 'missing.mp4'), '--out', join(tmp, 'x.txt'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.mp4: no such file or folder/);
  });

  it('exits non-zero naming a file that is not a video', async () => {
    const notVideo = join(tmp, 'notes.mp4');
    writeFileSync(notVideo, 'This is a text file renamed to .mp4\n'.repeat(20));
    const r = await track(notVideo, '--out', join(tmp, 'x.txt'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/notes\.mp4: ffprobe could not read it/);
  });

  it('exits non-zero for an empty file', async () => {
    const empty = join(tmp, 'empty.webm');
    writeFileSync(empty, '');
    const r = await track(empty);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/empty \(0 bytes\)/);
  });
});

describe('npm run track --gt', () => {
  it('prints metrics; ground truth equal to the results scores MOTA 100 with no switches', async () => {
    const { rows } = await runTrackCli(vtest40Vp8(), tmp);
    expect(rows.length).toBeGreaterThan(50);
    const gt = join(tmp, 'gt.txt');
    writeFileSync(gt, formatMot(rows));
    const r = await track(vtest40Vp8(), '--gt', gt, '--out', join(tmp, 'again.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MOTA/);
    expect(r.stdout).toMatch(/100\.0/);
    expect(parseMot(formatMot(rows))).toEqual(rows);
  });
});
