import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runEvalMot } from '../../cli/eval-mot.ts';
import { applyMot17Protocol, evaluate } from '../../src/core/metrics/index.ts';
import { readMotFile } from '../../src/core/metrics/readMotFile.ts';
import { requireMotData } from '../helpers/motData.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runEvalMot(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'eval-mot-'));
const gtFile = join(tmp, 'gt.txt');
const resFile = join(tmp, 'res.txt');
writeFileSync(gtFile, '1,1,0,0,10,10,1,-1,-1,-1\n2,1,0,0,10,10,1,-1,-1,-1\n2,2,50,50,10,10,0,-1,-1,-1\n');
writeFileSync(resFile, '1,5,0,0,10,10,1,-1,-1,-1\n2,5,0,0,10,10,1,-1,-1,-1\n');

describe('eval-mot CLI', () => {
  it('prints the table and drops conf-0 gt rows by default', async () => {
    const { code, out } = await run(['--gt', gtFile, '--res', resFile]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+IDF1/);
    expect(out).toMatch(/res\.txt\s+100\.0%/);
  });
  it('keeps conf-0 gt rows with --keep-zero-conf', async () => {
    const { out } = await run(['--gt', gtFile, '--res', resFile, '--keep-zero-conf', '--iou', '0.6']);
    expect(out).toMatch(/res\.txt\s+80\.0%/); // IDF1 = 2*2 / (3 + 2)
  });
  it.each([
    [[], /missing --gt/],
    [['--gt', gtFile], /missing --res/],
    [['--gt', gtFile, '--res', resFile, '--iou', 'abc'], /--iou is "abc"; expected a number in \[0, 1\]/],
    [['--gt', gtFile, '--res', resFile, '--iou', '0'], /--iou is "0"; expected a number in \(0, 1\]/],
    [['--gt', gtFile, '--res', tmp], /both be folders or both be files/],
    [['--gt', gtFile, '--res', resFile, '--mot17', '--classes', '1'], /cannot be combined with --mot17/],
    [['--gt', gtFile, '--res', resFile, '--classes', 'pedestrain'], /--classes has "pedestrain"; allowed: pedestrian,/],
    [['--gt', gtFile, '--res', resFile, '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 on bad arguments %j', async (argv, message) => {
    const { code, err } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('run "npm run eval:mot -- --help" for the options');
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });
  it('exits 1 naming the file on unreadable or malformed input', async () => {
    const missing = await run(['--gt', join(tmp, 'nope.txt'), '--res', resFile]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Cannot read MOT file .*nope\.txt/);
    const bad = join(tmp, 'bad.txt');
    writeFileSync(bad, '1,1,0,0,10,10,1\n2,1,zero,0,10,10,1\n');
    const malformed = await run(['--gt', gtFile, '--res', bad]);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain(`${bad}:2: column 3 (bb_left) is not a finite number: "zero"`);
  });
  it('runs as a script through tsx with a non-zero exit on error', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const tsx = join(root, 'node_modules/.bin/tsx');
    const dir = join(requireMotData('motmetrics'), 'TUD-Campus');
    const ok = await promisify(execFile)(tsx, ['cli/eval-mot.ts', '--gt', join(dir, 'gt.txt'), '--res', join(dir, 'test.txt')], {
      cwd: root,
    });
    expect(ok.stdout).toMatch(/test\.txt\s+55\.8%\s+73\.0%\s+45\.1%/);
    await expect(promisify(execFile)(tsx, ['cli/eval-mot.ts', '--gt', gtFile], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});

interface MotmetricsExpected {
  clear_and_identity: Record<string, { mota: number; idf1: number; num_switches: number; num_false_positives: number; num_misses: number }>;
}

/** A MOTChallenge-layout pair of folders linking to the shared data: `<gt>/<seq>/gt/gt.txt`, `<res>/<seq>.txt`. */
function motFolders(pairs: Record<string, { gt: string; res: string }>): { gt: string; res: string } {
  const root = mkdtempSync(join(tmpdir(), 'eval-mot-folders-'));
  for (const [seq, p] of Object.entries(pairs)) {
    mkdirSync(join(root, 'gt', seq, 'gt'), { recursive: true });
    symlinkSync(p.gt, join(root, 'gt', seq, 'gt', 'gt.txt'));
    mkdirSync(join(root, 'res'), { recursive: true });
    symlinkSync(p.res, join(root, 'res', `${seq}.txt`));
  }
  return { gt: join(root, 'gt'), res: join(root, 'res') };
}

describe('eval-mot CLI on folders (TrackEval layout)', () => {
  const data = requireMotData('motmetrics');
  const expected = JSON.parse(readFileSync(join(data, 'expected.json'), 'utf8')) as MotmetricsExpected;
  const seqs = ['TUD-Campus', 'TUD-Stadtmitte'];
  const folders = motFolders(Object.fromEntries(seqs.map((s) => [s, { gt: join(data, s, 'gt.txt'), res: join(data, s, 'test.txt') }])));

  it('scores every sequence plus a COMBINED row matching py-motmetrics, and writes CSV and JSON summaries', async () => {
    const { code, out } = await run(['--gt', folders.gt, '--res', folders.res, '--keep-zero-conf']);
    expect(code).toBe(0);
    expect(out).toMatch(/TUD-Campus\s/);
    expect(out).toMatch(/COMBINED\s/);
    const json = JSON.parse(readFileSync(join(folders.res, 'summary.json'), 'utf8')) as {
      sequences: Array<{ sequence: string; MOTA: number; IDF1: number; IDSW: number; FP: number; FN: number }>;
    };
    expect(json.sequences.map((r) => r.sequence)).toEqual([...seqs, 'COMBINED']);
    for (const r of json.sequences) {
      const e = expected.clear_and_identity[r.sequence === 'COMBINED' ? 'OVERALL' : r.sequence];
      expect(r.MOTA).toBeCloseTo(e.mota, 3);
      expect(r.IDF1).toBeCloseTo(e.idf1, 3);
      expect([r.IDSW, r.FP, r.FN]).toEqual([e.num_switches, e.num_false_positives, e.num_misses]);
    }
    const csv = readFileSync(join(folders.res, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0].split(',').slice(0, 6)).toEqual(['sequence', 'HOTA', 'DetA', 'AssA', 'LocA', 'MOTA']);
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual([...seqs, 'COMBINED']);
    expect(Number(csv[3].split(',')[5])).toBeCloseTo(expected.clear_and_identity.OVERALL.mota, 3);
  });

  it('names a missing result file (exit 1)', async () => {
    const partial = motFolders({ 'TUD-Campus': { gt: join(data, 'TUD-Campus', 'gt.txt'), res: join(data, 'TUD-Campus', 'test.txt') } });
    mkdirSync(join(partial.gt, 'TUD-Stadtmitte', 'gt'), { recursive: true });
    symlinkSync(join(data, 'TUD-Stadtmitte', 'gt.txt'), join(partial.gt, 'TUD-Stadtmitte', 'gt', 'gt.txt'));
    const { code, err } = await run(['--gt', partial.gt, '--res', partial.res]);
    expect(code).toBe(1);
    expect(err).toMatch(/TUD-Stadtmitte\.txt: no result file for sequence TUD-Stadtmitte/);
  });

  it('--mot17 applies the devkit protocol, --classes filters gt classes', async () => {
    const lift = requireMotData('mot17-lift');
    const gtPath = join(lift, 'gt', 'MOT17-05', 'gt.txt');
    const resPath = join(lift, 'Lif_T', 'MOT17-05-FRCNN.txt');
    const f = motFolders({ 'MOT17-05': { gt: gtPath, res: resPath } });
    const [gt, res] = await Promise.all([readMotFile(gtPath), readMotFile(resPath)]);
    const summary = async (argv: string[]) => {
      expect((await run(['--gt', f.gt, '--res', f.res, ...argv])).code).toBe(0);
      return (JSON.parse(readFileSync(join(f.res, 'summary.json'), 'utf8')) as { sequences: Array<{ MOTA: number; FP: number }> })
        .sequences[0];
    };
    const p = applyMot17Protocol(gt, res);
    const devkit = evaluate(p.gt, p.res, { iouThreshold: 0.5 });
    expect(await summary(['--mot17'])).toMatchObject({ MOTA: devkit.MOTA, FP: devkit.FP });
    const pedestrians = evaluate(
      gt.filter((r) => r.classId === 1),
      res,
      { iouThreshold: 0.5, dropZeroConfGt: true },
    );
    expect(await summary(['--classes', 'pedestrian'])).toMatchObject({ MOTA: pedestrians.MOTA, FP: pedestrians.FP });
    // MOT17 marks non-pedestrian gt rows conf 0; keeping them, the class filter is what removes them.
    const keptPedestrians = evaluate(
      gt.filter((r) => r.classId === 1),
      res,
      { iouThreshold: 0.5 },
    );
    expect(await summary(['--classes', '1', '--keep-zero-conf'])).toMatchObject({ MOTA: keptPedestrians.MOTA });
    expect((await summary(['--keep-zero-conf'])).MOTA).not.toBeCloseTo(keptPedestrians.MOTA, 3);
  });
});
