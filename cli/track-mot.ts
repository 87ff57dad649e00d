/**
 * Runs the tracker on a MOTChallenge sequence folder's detections.
 *
 *   npm run track:mot -- --seq <dir> [--out results.txt]
 *
 * Reads `<dir>/seqinfo.ini` and `<dir>/det/det.txt`, writes MOTChallenge
 * results (to --out, default stdout when no gt is present), and prints the
 * metrics table against `<dir>/gt/gt.txt` when it exists.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';
import { runCommand, UsageError, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { loadMotSequence, runOnSequence, scoreSequence } from '../src/node/motSequence.ts';

const COMMAND: CommandSpec = {
  usage: 'npm run track:mot --',
  summary:
    "Tracks a MOTChallenge sequence's public detections (det/det.txt) with the app's tracker and scores the\n" +
    'result against gt/gt.txt when the folder has one.',
  options: {
    seq: { type: 'string', value: 'dir', description: 'MOTChallenge sequence folder (seqinfo.ini, det/det.txt) (required)' },
    out: { type: 'string', value: 'results.txt', description: 'write the result rows here (default: stdout when there is no gt)' },
  },
};

async function main({ values }: ParsedArgs): Promise<number> {
  const dir = values.seq as string | undefined;
  if (!dir) throw new UsageError('missing --seq <MOTChallenge sequence folder>');
  for (const need of ['seqinfo.ini', join('det', 'det.txt')]) {
    if (!existsSync(join(dir, need))) throw new UsageError(`${join(dir, need)} not found; --seq must be a MOTChallenge sequence folder`);
  }
  const seq = await loadMotSequence(dir);
  const { rows, trackerSeconds } = runOnSequence(seq);
  const out = values.out as string | undefined;
  if (out) {
    await writeFile(out, formatMot(rows));
    console.error(`wrote ${rows.length} rows to ${out}`);
  } else if (seq.gt.length === 0) {
    process.stdout.write(formatMot(rows));
  }
  console.error(`${seq.name}: ${seq.seqLength} frames, tracker ${(seq.seqLength / trackerSeconds).toFixed(0)} frames/s`);
  if (seq.gt.length > 0) console.log(formatMetricsTable([{ name: seq.name, m: scoreSequence(seq, rows) }]));
  return 0;
}

process.exitCode = await runCommand('track:mot', COMMAND, process.argv.slice(2), main);
