import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('npm run track --realtime', () => {
  /** Each CLI run starts tsx and loads the model: generous on a loaded 2-core machine (a safety net, not a speed check). */
  const CLI_TIMEOUT_MS = 600_000;

  it(
    'with a fixed --detect-ms, two runs give identical rows, with the lag of a live view',
    async () => {
      const offline = await runTrackCli(vtest40Vp8(), tmp);
      const texts: string[] = [];
      for (const name of ['a', 'b']) {
        const out = join(tmp, `realtime-${name}.txt`);
        const r = await track(vtest40Vp8(), '--realtime', '--detect-ms', '250', '--out', out);
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(/detector latency 250/);
        texts.push(readFileSync(out, 'utf8'));
      }
      expect(texts[0]).toBe(texts[1]);
      const rows = parseMot(texts[0]);
      expect(rows.length).toBeGreaterThan(20);
      // 250 ms at 10 fps: frame 0's result shows from frame 3 (1-based 4); no boxes before it.
      expect(Math.min(...rows.map((r) => r.frame))).toBe(4);
      expect(rows).not.toEqual(offline.rows);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'rejects --detect-ms without --realtime or out of range, exit code 2',
    async () => {
      const r1 = await track(vtest40Vp8(), '--detect-ms', '100');
      expect(r1.code).toBe(2);
      expect(r1.stderr).toMatch(/--detect-ms needs --realtime/);
      const r2 = await track(vtest40Vp8(), '--realtime', '--detect-ms=-5');
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/--detect-ms is "-5"/);
    },
    CLI_TIMEOUT_MS,
  );
});
