/**
 * CLI ↔ app parity on the same upload: `npm run track` (Node, WASM, ffmpeg
 * decode) and the Video view (Chromium, WASM, WebCodecs decode) must export
 * the same MOT rows for the same settings (streamSettings, detect every frame).
 *
 * Why they can agree exactly: VP8 decoding is bit-exact by spec (ffmpeg and
 * Chrome give the same YUV planes), and the app converts YUV → RGB with
 * yuv420ToRgb, which reproduces ffmpeg's rgb24 fixed-point path bit for bit
 * (measured below). The detector then sees identical int32 tensors on both
 * sides, and the WASM kernels are the same binary. The remaining tolerance
 * covers float summation order between the WASM builds the two sides load
 * (threaded SIMD in a cross-origin-isolated page vs. Node's choice).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMot, type MotRow } from '../../src/core/metrics/index.ts';
import type { TrackscopeResults } from '../../src/core/export/jsonExport.ts';
import type { ProbedFrame } from '../video/pages/rgbProbe';
import { openVideoApp, vtest40Vp8, VTEST40_FRAMES } from '../../dev/video/appVideo';
import { openDevPage } from '../../dev/devPage';
import { runTrackCli } from './lib/runTrack';

/** Pixels: box edges may differ by float rounding only (measured 0 on this machine; see the report). */
const BOX_TOLERANCE_PX = 0.01;
const SCORE_TOLERANCE = 1e-4;

const tmp = mkdtempSync(join(tmpdir(), 'trackscope-parity-'));
const clip = vtest40Vp8();
const cliJson = join(tmp, 'cli.tracks.json');
const cliRun = () => runTrackCli(clip, tmp, ['--json', cliJson]);
// The CLI is a separate process: start it at once, so it runs while the pixel test and the app work.
// Its failure is reported by the test that awaits it.
beforeAll(() => void cliRun().catch(() => undefined));
let app: Awaited<ReturnType<typeof openVideoApp>> | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const key = (r: MotRow) => `${r.frame}:${r.id}`;

describe('CLI and app give the same tracks for the same clip', () => {
  it('pixels: the app converts decoded frames to the same RGB bytes as ffmpeg', async () => {
    const probe = await openDevPage('tests/video/pages/rgbProbe.html', 'rgbProbe');
    cleanups.push(probe.close);
    await probe.page.setInputFiles('#file', clip);
    const frames: ProbedFrame[] = await probe.page.evaluate(() => window.rgbProbe([0, 20, 39]));
    expect(frames.map((f) => f.index)).toEqual([0, 20, 39]);
    const ffmpeg = execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
      maxBuffer: 256 << 20,
    });
    const frameBytes = 768 * 576 * 3;
    let max = 0;
    let differing = 0;
    for (const f of frames) {
      const app = Buffer.from(f.base64, 'base64');
      const ref = ffmpeg.subarray(f.index * frameBytes, (f.index + 1) * frameBytes);
      expect(app.length).toBe(frameBytes);
      for (let i = 0; i < frameBytes; i++) {
        const d = Math.abs(app[i] - ref[i]);
        if (d) differing++;
        if (d > max) max = d;
      }
    }
    console.log(
      `pixel parity: ${frames[0].format} frames, matrix ${frames[0].matrix}; max |Δ| ${max}, ${differing} of ${3 * frameBytes} values differ`,
    );
    expect(max).toBeLessThanOrEqual(1);
  });

  it('MOT rows: same frames, ids and boxes', async () => {
    app = await openVideoApp('&backend=wasm');
    cleanups.push(app.close);
    await app.process(clip);
    const cli = await cliRun();
    const appRows = parseMot((await app.downloadText('export-mot')).text);
    expect(cli.rows.length).toBeGreaterThan(50);
    expect(new Set(appRows.map(key))).toEqual(new Set(cli.rows.map(key)));
    const byKey = new Map(cli.rows.map((r) => [key(r), r]));
    let maxBox = 0;
    let maxScore = 0;
    for (const r of appRows) {
      const c = byKey.get(key(r))!;
      for (let i = 0; i < 4; i++) maxBox = Math.max(maxBox, Math.abs(r.box[i] - c.box[i]));
      maxScore = Math.max(maxScore, Math.abs(r.conf - c.conf));
    }
    console.log(`MOT parity: ${appRows.length} rows; max |Δbox| ${maxBox.toExponential(2)} px, max |Δscore| ${maxScore.toExponential(2)}`);
    expect(maxBox).toBeLessThanOrEqual(BOX_TOLERANCE_PX);
    expect(maxScore).toBeLessThanOrEqual(SCORE_TOLERANCE);
    expect(Math.max(...appRows.map((r) => r.frame))).toBeLessThanOrEqual(VTEST40_FRAMES);
  }, 400_000); // the CLI and the app each detect and segment 40 frames on WASM

  it('JSON export: the same bytes from the CLI and the app (one builder, masks included)', async () => {
    expect(app, 'needs the app session of the MOT rows test').toBeDefined();
    const appJson = (await app!.downloadText('export-json')).text;
    const cliText = readFileSync(cliJson, 'utf8');
    const parsed = JSON.parse(cliText) as TrackscopeResults;
    expect(parsed.frames.some((f) => f.objects.some((o) => o.mask))).toBe(true);
    expect(appJson.length).toBe(cliText.length);
    expect(appJson === cliText).toBe(true);
  });
});
