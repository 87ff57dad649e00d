/**
 * Scores one MOTChallenge result file against its ground truth and prints
 * the metrics table.
 *
 *   npm run eval:mot -- --gt gt.txt --res res.txt [--iou 0.5] [--keep-zero-conf]
 *
 * Ground-truth rows with conf 0 are dropped (MOT15 "ignore" rows) unless
 * --keep-zero-conf is given. Exit codes: 0 ok, 2 bad arguments, 1 unreadable
 * or malformed input.
 */
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_IOU_THRESHOLD, evaluate, formatMetricsTable } from '../src/core/metrics/index.ts';
import { readMotFile } from '../src/core/metrics/readMotFile.ts';

const USAGE = 'usage: npm run eval:mot -- --gt <gt.txt> --res <res.txt> [--iou 0.5] [--keep-zero-conf]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface EvalMotArgs {
  readonly gt: string;
  readonly res: string;
  readonly iou: number;
  readonly keepZeroConf: boolean;
}

export function parseEvalMotArgs(argv: string[]): EvalMotArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        gt: { type: 'string' },
        res: { type: 'string' },
        iou: { type: 'string' },
        'keep-zero-conf': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return 'help';
  if (!values.gt) throw new UsageError('missing --gt <ground-truth file>');
  if (!values.res) throw new UsageError('missing --res <result file>');
  const iou = values.iou === undefined ? DEFAULT_IOU_THRESHOLD : Number(values.iou);
  if (values.iou !== undefined && (values.iou.trim() === '' || !(iou > 0 && iou <= 1))) {
    throw new UsageError(`--iou must be a number in (0, 1], got "${values.iou}"`);
  }
  return { gt: values.gt, res: values.res, iou, keepZeroConf: values['keep-zero-conf'] };
}

/** Runs the CLI; returns the exit code. Output goes to the given writers. */
export async function runEvalMot(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  let args: EvalMotArgs | 'help';
  try {
    args = parseEvalMotArgs(argv);
  } catch (e) {
    err(`eval-mot: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    out(`${USAGE}\n`);
    return 0;
  }
  try {
    const [gt, res] = await Promise.all([readMotFile(args.gt), readMotFile(args.res)]);
    const m = evaluate(gt, res, { iouThreshold: args.iou, dropZeroConfGt: !args.keepZeroConf });
    out(formatMetricsTable([{ name: basename(args.res), m }]));
    return 0;
  } catch (e) {
    err(`eval-mot: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runEvalMot(process.argv.slice(2));
}
