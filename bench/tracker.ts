/**
 * Tracker benchmark on the ten MOT15 training sequences (motion only).
 *
 *   npm run bench:tracker -- [--ablation] [--headroom] [--runs N] [--every k[,k...]] [--skipped advance|jump]
 *
 * Prints per-sequence and overall MOTA, IDF1, HOTA, IDSW, FP, FN (MOTChallenge
 * 2D protocol: gt conf 0 dropped, IoU >= 0.5), tracker-only frames per second
 * (best of N timed passes after a warm-up pass), assignment-solver timings
 * and the time of one 200 x 200 association step. `--every` replays det.txt
 * with detections only on every k-th frame, as from a detector slower than
 * the camera, and scores every frame; the tracker hears of the frames in
 * between through `Tracker.advance` (default) or, with `--skipped jump`, only
 * through the frame number of the next detection. `--ablation` adds a table
 * of config variants, at each k, and the offline refinement rows. Accuracy
 * mode (detector on tiles and the mirror) needs pixels, which det.txt has
 * none of: its rows are in `npm run bench:reid` (synthetic scenes from real
 * pixels). `--headroom` relabels the refined tracks with oracles that read the
 * ground truth (`src/core/metrics/headroom.ts`): how far IDF1 could rise with
 * perfect tracklet linking, perfect splitting at identity switches, or both.
 * Results go to bench/results/tracker.json.
 * Data: $MOT_DATA_DIR/mot15 (default ../shared/data/mot15).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { combine, formatMetricsTable } from '../src/core/metrics/index.ts';
import type { MotMetrics } from '../src/core/metrics/index.ts';
import { ablationVariants } from './lib/ablation.ts';
import { loadMotSequences, runOnSequence, scoreSequence } from '../src/node/motSequence.ts';
import type { MotSequence, RunOptions } from '../src/node/motSequence.ts';
import { refineAblation } from './lib/refineAblation.ts';
import { headroomRows } from './lib/headroom.ts';
import { timeAssociation, timeDense } from './lib/solverBench.ts';
import { benchArgs, choiceOption, intValue, type BenchValues } from '../src/node/scriptArgs.ts';
import { UsageError } from '../src/node/cliArgs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(process.env.MOT_DATA_DIR ?? join(ROOT, '../shared/data'), 'mot15');
const OUT = join(ROOT, 'bench/results/tracker.json');

interface Scored {
  readonly perSequence: Array<{ name: string; m: MotMetrics }>;
  readonly overall: MotMetrics;
}

function scoreAll(seqs: readonly MotSequence[], options: RunOptions): Scored {
  const perSequence = seqs.map((s) => ({ name: s.name, m: scoreSequence(s, runOnSequence(s, options).rows) }));
  return { perSequence, overall: combine(perSequence.map((p) => p.m)) };
}

/** Best-of-`runs` tracker-only frames per second over all sequences. */
function trackerFps(seqs: readonly MotSequence[], runs: number): number {
  const frames = seqs.reduce((n, s) => n + s.seqLength, 0);
  let best = Infinity;
  for (let k = 0; k < runs; k++)
    best = Math.min(
      best,
      seqs.reduce((t, s) => t + runOnSequence(s).trackerSeconds, 0),
    );
  return frames / best;
}

const pct = (x: number) => (100 * x).toFixed(1);

function summaryLine(name: string, m: MotMetrics): string {
  const cells = [pct(m.MOTA), pct(m.IDF1), pct(m.HOTA), String(m.IDSW), String(m.FP), String(m.FN)];
  return `${name.padEnd(24)}${cells.map((c) => c.padStart(8)).join('')}`;
}

const HEADER = `${''.padEnd(24)}${['MOTA', 'IDF1', 'HOTA', 'IDSW', 'FP', 'FN'].map((c) => c.padStart(8)).join('')}`;

function compact(m: MotMetrics) {
  return { MOTA: m.MOTA, IDF1: m.IDF1, HOTA: m.HOTA, IDSW: m.IDSW, FP: m.FP, FN: m.FN, numGt: m.numGt };
}

/** `--every 4` or `--every 1,2,4,8`: detection cadences to replay (default: every frame only). */
function cadencesArg(args: BenchValues): number[] {
  const raw = args.every;
  if (typeof raw !== 'string') return [];
  return raw.split(',').map((item) => {
    const k = Number(item);
    if (!Number.isInteger(k) || k < 1) {
      console.error(`bench:tracker: ${new UsageError(`--every has "${item}"; expected integers >= 1, e.g. --every 1,2,4,8`).message}`);
      process.exit(2);
    }
    return k;
  });
}

const SKIPPED = ['advance', 'jump'] as const;

function cadenceTable(seqs: readonly MotSequence[], ks: readonly number[], skipped: RunOptions['skipped']) {
  console.log(`\ndetections every k-th frame, every frame scored (skipped frames: ${skipped})\n${HEADER}`);
  return ks.map((k) => {
    const m = scoreAll(seqs, { every: k, skipped }).overall;
    console.log(summaryLine(`every ${k}`, m));
    return { every: k, overall: compact(m) };
  });
}

const COMMAND = {
  usage: 'npm run bench:tracker --',
  summary: 'Tracker accuracy and speed on the ten MOT15 sequences (motion only), and assignment-solver timings.',
  options: {
    runs: { type: 'string', value: 'N', default: '5', description: 'timed passes (the best one counts)' },
    ablation: { type: 'boolean', description: 'add a table of tracker config variants' },
    headroom: { type: 'boolean', description: 'add oracle rows (read the ground truth): IDF1 with perfect linking or splitting' },
    every: { type: 'string', value: 'k[,k...]', description: 'also replay detections every k-th frame (default: every frame only)' },
    skipped: { type: 'string', value: SKIPPED.join('|'), default: SKIPPED[0], description: 'what the tracker does on skipped frames' },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const runs = intValue(args, 'runs');
  const ks = cadencesArg(args);
  const skipped = choiceOption(args, 'skipped', SKIPPED);
  const seqs = await loadMotSequences(DATA);
  const frames = seqs.reduce((n, s) => n + s.seqLength, 0);

  const scored = scoreAll(seqs, {}); // also the JIT warm-up pass for the timing below
  console.log(formatMetricsTable([...scored.perSequence, { name: 'OVERALL', m: scored.overall }]));
  console.log(`\n${HEADER}`);
  for (const p of scored.perSequence) console.log(summaryLine(p.name, p.m));
  console.log(summaryLine('OVERALL', scored.overall));

  const fps = trackerFps(seqs, runs);
  console.log(`\ntracker only: ${fps.toFixed(0)} frames/s over ${seqs.length} sequences (${frames} frames, best of ${runs})`);

  const dense = [timeDense(50, 100), timeDense(200, 20)];
  const association = timeAssociation(200, 500);
  console.log('\nassignment solve, random dense uniform [0, 1) costs (median ms):');
  for (const d of dense) {
    const speedup = d.munkresMs / d.sapMs;
    console.log(
      `  ${d.size}x${d.size}: munkres-js ${d.munkresMs.toFixed(3)}  shortest-augmenting-path ${d.sapMs.toFixed(3)}  (${speedup.toFixed(0)}x)`,
    );
  }
  console.log(
    `association step, 200 tracks x 200 detections (cost build + gated solve): ${association.ms.toFixed(3)} ms, ${association.matches} matches`,
  );

  const cadences = ks.length > 0 ? cadenceTable(seqs, ks, skipped) : undefined;

  let ablation: Array<{ name: string; every: number; overall: ReturnType<typeof compact> }> | undefined;
  if (args.ablation) {
    ablation = [];
    for (const every of ks.length > 0 ? ks : [1]) {
      console.log(`\nablation, detections every ${every} (overall over ${seqs.length} sequences)\n${HEADER}`);
      for (const v of ablationVariants()) {
        const m = scoreAll(seqs, { ...v.options, every, skipped }).overall;
        console.log(summaryLine(v.name, m));
        ablation.push({ name: v.name, every, overall: compact(m) });
      }
    }
  }

  // Offline refinement (src/core/refine) over the default tracker's rows.
  let refinement: Array<{ name: string; overall: ReturnType<typeof compact> }> | undefined;
  if (args.ablation) {
    console.log(`\noffline refinement (overall over ${seqs.length} sequences)\n${HEADER}`);
    refinement = refineAblation(seqs).map(({ name, m }) => (console.log(summaryLine(name, m)), { name, overall: compact(m) }));
    console.log(
      '\naccuracy mode (detector on tiles and the mirror) needs pixels, and det.txt has only boxes: its rows are in `npm run bench:reid`',
    );
  }

  let headroom: Array<{ name: string; overall: ReturnType<typeof compact> }> | undefined;
  if (args.headroom) {
    console.log(`\nheadroom: refined tracks relabelled by oracles that read the ground truth\n${HEADER}`);
    headroom = headroomRows(seqs).map(({ name, m }) => (console.log(summaryLine(name, m)), { name, overall: compact(m) }));
  }

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const results = {
    generatedAt: new Date().toISOString(),
    host: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    data: DATA,
    overall: compact(scored.overall),
    perSequence: scored.perSequence.map((p) => ({ name: p.name, ...compact(p.m) })),
    trackerFps: fps,
    solverMs: dense,
    associationStepMs: association.ms,
    cadences,
    skipped,
    ablation,
    refinement,
    headroom,
  };
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${OUT}`);
}

await main();
