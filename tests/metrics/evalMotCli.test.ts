import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runEvalMot } from '../../cli/eval-mot.ts';
import { requireMotData } from '../helpers/motData.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runEvalMot(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
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
    [['--gt', gtFile, '--res', resFile, '--iou', 'abc'], /--iou must be a number in \(0, 1\], got "abc"/],
    [['--gt', gtFile, '--res', resFile, '--iou', '0'], /--iou must be/],
    [['--gt', gtFile, '--res', resFile, '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 2 on bad arguments %j', async (argv, message) => {
    const { code, err } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/usage: npm run eval:mot/);
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
