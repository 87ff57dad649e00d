/**
 * Runs the tracker on a MOTChallenge sequence folder's detections.
 *
 *   npm run track:mot -- --seq <dir> [--out results.txt]
 *
 * Reads `<dir>/seqinfo.ini` and `<dir>/det/det.txt`, writes MOTChallenge
 * results (to --out, default stdout when no gt is present), and prints the
 * metrics table against `<dir>/gt/gt.txt` when it exists.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadMotSequence, runOnSequence, scoreSequence } from '../src/node/motSequence.ts';
import { formatMetricsTable, formatMot } from '../src/core/metrics/index.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seq: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !values.seq) {
    console.error('usage: npm run track:mot -- --seq <MOTChallenge sequence dir> [--out results.txt]');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seq = await loadMotSequence(values.seq);
  const { rows, trackerSeconds } = runOnSequence(seq);
  if (values.out) {
    await writeFile(values.out, formatMot(rows));
    console.error(`wrote ${rows.length} rows to ${values.out}`);
  } else if (seq.gt.length === 0) {
    process.stdout.write(formatMot(rows));
  }
  console.error(`${seq.name}: ${seq.seqLength} frames, tracker ${(seq.seqLength / trackerSeconds).toFixed(0)} frames/s`);
  if (seq.gt.length > 0) console.log(formatMetricsTable([{ name: seq.name, m: scoreSequence(seq, rows) }]));
}

await main();
