/**
 * Scores MOTChallenge results against ground truth, like TrackEval.
 *
 *   npm run eval:mot -- --gt <gt-folder> --res <results-folder> [--mot17] [--classes pedestrian]
 *   npm run eval:mot -- --gt gt.txt --res res.txt
 *
 * Folders use the MOTChallenge layout: `<gt>/<seq>/gt/gt.txt` (or
 * `<gt>/<seq>/gt.txt`) against `<res>/<seq>.txt`. Every sequence is scored,
 * plus a COMBINED row (counts summed, ratios recomputed); the table goes to
 * stdout and `summary.csv` / `summary.json` to --summary-dir (default: the
 * results folder). Exit codes: 0 ok, 2 bad arguments, 1 unreadable or
 * malformed input.
 */
import { statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_IOU_THRESHOLD,
  applyMot17Protocol,
  combine,
  evaluate,
  formatMetricsTable,
  type MotMetrics,
  type MotRow,
} from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';
import { summaryCsv, summaryRows } from '../src/core/metrics/summary.ts';
import { runCommand, numberValue, UsageError, type CommandIo, type CommandSpec, type ParsedArgs } from '../src/node/cliArgs.ts';
import { pairMotFolders, type SequencePair } from '../src/node/motFolders.ts';

/** MOT16/17 class ids by name (the devkit's list). */
export const MOT17_CLASSES: Readonly<Record<string, number>> = {
  pedestrian: 1,
  person_on_vehicle: 2,
  car: 3,
  bicycle: 4,
  motorbike: 5,
  non_mot_vehicle: 6,
  static_person: 7,
  distractor: 8,
  occluder: 9,
  occluder_on_ground: 10,
  occluder_full: 11,
  reflection: 12,
};

const COMMAND: CommandSpec = {
  usage: 'npm run eval:mot --',
  summary:
    'Scores MOTChallenge results: two folders (<gt>/<seq>/gt/gt.txt against <res>/<seq>.txt; every sequence plus a\n' +
    'COMBINED row, with summary.csv and summary.json) or two files. Prints CLEAR MOT, identity and HOTA metrics.',
  options: {
    gt: { type: 'string', value: 'folder|file', description: 'ground truth: a MOTChallenge folder or one gt.txt (required)' },
    res: { type: 'string', value: 'folder|file', description: 'results: a folder of <seq>.txt files or one file (required)' },
    iou: { type: 'string', value: 'x', default: String(DEFAULT_IOU_THRESHOLD), description: 'match threshold, IoU in (0, 1]' },
    'keep-zero-conf': { type: 'boolean', description: 'keep gt rows with conf 0 (dropped by default: MOT15 "ignore" rows)' },
    mot17: {
      type: 'boolean',
      description: 'MOT16/17 devkit protocol: drop results on ignored classes, score pedestrians, keep conf-0 gt',
    },
    classes: {
      type: 'string',
      value: 'names|ids',
      description: `score only gt rows of these MOT17 classes, comma-separated (default: all; ${Object.keys(MOT17_CLASSES).slice(0, 3).join(', ')}, …)`,
    },
    'summary-dir': { type: 'string', value: 'dir', description: 'where folder mode writes summary.csv and summary.json (default: --res)' },
  },
};

interface EvalSettings {
  readonly iou: number;
  readonly keepZeroConf: boolean;
  readonly mot17: boolean;
  readonly classes: ReadonlySet<number> | null;
}

function parseClasses(raw: string): Set<number> {
  const ids = raw.split(',').map((c) => {
    const name = c.trim();
    const id = MOT17_CLASSES[name] ?? (/^\d+$/.test(name) ? Number(name) : undefined);
    if (id === undefined) throw new UsageError(`--classes has "${name}"; allowed: ${Object.keys(MOT17_CLASSES).join(', ')} or class ids`);
    return id;
  });
  return new Set(ids);
}

function iouValue(raw: string): number {
  const iou = numberValue('iou', raw, 0, 1);
  if (iou === 0) throw new UsageError(`--iou is "${raw}"; expected a number in (0, 1]`);
  return iou;
}

function settings(values: ParsedArgs['values']): EvalSettings {
  if (values.mot17 && values.classes !== undefined)
    throw new UsageError('--classes cannot be combined with --mot17 (which scores pedestrians)');
  return {
    iou: iouValue(String(values.iou)),
    keepZeroConf: values['keep-zero-conf'] === true,
    mot17: values.mot17 === true,
    classes: typeof values.classes === 'string' ? parseClasses(values.classes) : null,
  };
}

function score(gtRows: readonly MotRow[], resRows: readonly MotRow[], s: EvalSettings): MotMetrics {
  if (s.mot17) {
    const { gt, res } = applyMot17Protocol(gtRows, resRows);
    return evaluate(gt, res, { iouThreshold: s.iou });
  }
  const gt = s.classes ? gtRows.filter((r) => r.classId === undefined || s.classes!.has(r.classId)) : gtRows;
  return evaluate(gt, resRows, { iouThreshold: s.iou, dropZeroConfGt: !s.keepZeroConf });
}

async function scorePairs(pairs: readonly SequencePair[], s: EvalSettings): Promise<Array<{ name: string; m: MotMetrics }>> {
  const rows = [];
  for (const p of pairs) {
    const [gt, res] = await Promise.all([readMotFile(p.gt), readMotFile(p.res)]);
    rows.push({ name: p.name, m: score(gt, res, s) });
  }
  return rows;
}

const isDir = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

async function main({ values }: ParsedArgs, io: CommandIo): Promise<number> {
  const gt = values.gt as string | undefined;
  const res = values.res as string | undefined;
  if (!gt) throw new UsageError('missing --gt <ground-truth folder or file>');
  if (!res) throw new UsageError('missing --res <results folder or file>');
  const s = settings(values);
  if (isDir(gt) !== isDir(res)) throw new UsageError('--gt and --res must both be folders or both be files');
  if (!isDir(gt)) {
    const [gtRows, resRows] = await Promise.all([readMotFile(gt), readMotFile(res)]);
    io.out(formatMetricsTable([{ name: basename(res), m: score(gtRows, resRows, s) }]));
    return 0;
  }
  const perSequence = await scorePairs(pairMotFolders(gt, res), s);
  const rows = [...perSequence, { name: 'COMBINED', m: combine(perSequence.map((r) => r.m)) }];
  io.out(formatMetricsTable(rows));
  const dir = (values['summary-dir'] as string | undefined) ?? res;
  const summary = summaryRows(rows);
  writeFileSync(join(dir, 'summary.csv'), summaryCsv(summary));
  writeFileSync(
    join(dir, 'summary.json'),
    `${JSON.stringify({ gt, res, ...s, classes: s.classes && [...s.classes], sequences: summary }, null, 2)}\n`,
  );
  io.err(`wrote ${join(dir, 'summary.csv')} and summary.json (${perSequence.length} sequences + COMBINED)\n`);
  return 0;
}

/** Runs the CLI; returns the exit code. Output goes to `io` (stdout/stderr by default). */
export function runEvalMot(argv: readonly string[], io?: CommandIo): Promise<number> {
  return runCommand('eval-mot', COMMAND, argv, main, io);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runEvalMot(process.argv.slice(2));
}
