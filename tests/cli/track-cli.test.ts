import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMot, parseMot } from '../../src/core/metrics/index.ts';
import { vtest40Vp8 } from '../../dev/video/appVideo';
import { requireMotData } from '../helpers/motData';
import { runTrackCli, runTsx } from './lib/runTrack';

const tmp = mkdtempSync(join(tmpdir(), 'trackscope-cli-'));
/** The offline run every test here shares (memoised): it also records its detection cache. */
const CACHE = join(tmp, 'dets.json');
const offlineRun = () => runTrackCli(vtest40Vp8(), tmp, ['--save-detections', CACHE]);

/** Runs the CLI and returns its exit code and output instead of throwing on failure. */
async function track(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runTsx('cli/track.ts', args, 300_000);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** The two `--realtime --detect-ms 250` runs of the realtime test (memoised), with the rows each wrote. */
let realtimeRuns: Promise<Array<{ code: number; stderr: string; text: string }>> | undefined;
const realtimePair = () =>
  (realtimeRuns ??= Promise.all(
    ['a', 'b'].map(async (name) => {
      const out = join(tmp, `realtime-${name}.txt`);
      const r = await track(vtest40Vp8(), '--realtime', '--detect-ms', '250', '--out', out);
      return { code: r.code, stderr: r.stderr, text: r.code === 0 ? readFileSync(out, 'utf8') : '' };
    }),
  ));

// The detector runs (the slow CLI calls) are independent processes: start them at once, so they keep
// the second core busy while the quick bad-input runs go. Failures are reported by the tests that await them.
beforeAll(() => {
  void offlineRun().catch(() => undefined);
  void realtimePair().catch(() => undefined);
});

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

  it('exits 2 naming a bad --flow value', async () => {
    const r = await track(join(tmp, 'any.mp4'), '--every', '4', '--flow', 'maybe');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--flow is "maybe"; allowed: on, off, kalman/);
  });

  it('exits 2 naming a bad --accuracy value or --accuracy on with a recording', async () => {
    const [r1, r2, r3] = await Promise.all([
      track(join(tmp, 'any.mp4'), '--accuracy', 'max'),
      track('--detections', join(tmp, 'dets.json'), '--accuracy', 'on'),
      track(join(tmp, 'any.mp4'), '--accuracy-max-seconds', '-1'),
    ]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/--accuracy is "max"; allowed: auto, on, off/);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--accuracy on runs the detector; --detections replays/);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/--accuracy-max-seconds/);
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
    const { rows } = await offlineRun();
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
      const offline = await offlineRun();
      const runs = await realtimePair();
      for (const r of runs) {
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(/detector latency 250/);
      }
      const texts = runs.map((r) => r.text);
      expect(texts[0]).toBe(texts[1]);
      const rows = parseMot(texts[0]);
      expect(rows.length).toBeGreaterThan(20);
      // 250 ms at 10 fps: detections start on frames 0, 3, 6, … and each result shows 3 frames later,
      // so a track first appears on a frame where a result lands (0-based 3, 6, 9, …), never before frame 3.
      const firstIndex = new Map<number, number>();
      for (const r of rows) firstIndex.set(r.id, Math.min(firstIndex.get(r.id) ?? Infinity, r.frame - 1));
      for (const index of firstIndex.values()) {
        expect(index).toBeGreaterThanOrEqual(3);
        expect(index % 3).toBe(0);
      }
      expect(rows).not.toEqual(offline.rows);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'rejects --detect-ms without --realtime or out of range, exit code 2',
    async () => {
      const [r1, r2] = await Promise.all([track(vtest40Vp8(), '--detect-ms', '100'), track(vtest40Vp8(), '--realtime', '--detect-ms=-5')]);
      expect(r1.code).toBe(2);
      expect(r1.stderr).toMatch(/--detect-ms needs --realtime/);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/--detect-ms is "-5"/);
    },
    CLI_TIMEOUT_MS,
  );
});

describe('npm run track --detections (re-tracking without the detector)', () => {
  const CLI_TIMEOUT_MS = 600_000;

  it(
    'a saved cache re-tracks to identical rows, with and without the video; other settings change them',
    async () => {
      const offline = await offlineRun();
      expect(offline.stderr).toMatch(/40 detected frames → /);
      const every2 = join(tmp, 'retrack-every2.txt');
      // Three independent replays of the cache, run side by side.
      const [every2Run] = await Promise.all([
        track('--detections', CACHE, '--every', '2', '--out', every2),
        ...[
          ['--detections', CACHE],
          [vtest40Vp8(), '--detections', CACHE],
        ].map(async (args) => {
          const out = join(tmp, `retrack-${args.length}.txt`);
          const r = await track(...args, '--out', out);
          expect(r.code).toBe(0);
          expect(r.stderr).toMatch(/replaying 40 detected frames of vtest-40-vp8.webm \(centernet, appearance fusion\)/);
          expect(readFileSync(out, 'utf8')).toBe(offline.text);
        }),
      ]);
      expect(every2Run.code).toBe(0);
      expect(readFileSync(every2, 'utf8')).not.toBe(offline.text);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'replays a MOTChallenge det.txt for a sequence folder without images, as track:mot does',
    async () => {
      const seq = join(requireMotData('mot15'), 'TUD-Campus');
      const out = join(tmp, 'tud.txt');
      const reference = join(tmp, 'tud-mot.txt');
      const [r] = await Promise.all([
        track(seq, '--detections', join(seq, 'det', 'det.txt'), '--refine', 'off', '--out', out),
        runTsx('cli/track-mot.ts', ['--seq', seq, '--out', reference], 300_000),
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/MOTA/);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(reference, 'utf8'));
    },
    CLI_TIMEOUT_MS,
  );

  it('says what is wrong with a bad cache or a bad combination, and exits non-zero', async () => {
    const notCache = join(tmp, 'not-cache.json');
    writeFileSync(notCache, '{"format":"trackscope-results"}');
    const [r1, r2, r3] = await Promise.all([
      track('--detections', notCache),
      track('--detections', notCache, '--realtime'),
      track('--detections', join(tmp, 'det.txt')),
    ]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/not a detection cache: format is "trackscope-results"/);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--realtime with --detections needs --detect-ms/);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/det.txt needs the video or sequence folder/);
  });
});
