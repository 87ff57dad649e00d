/**
 * Past runs of a panel, as TensorBoard keeps them for Keras users: each run's
 * epoch logs, its best epoch for a monitor, and CSV export of all runs.
 */
import { isImprovement, type EpochLogs, type Monitor } from './trainTypes.ts';

export interface RunRecord {
  /** 1-based run number within the panel. */
  id: number;
  label: string;
  history: EpochLogs[];
}

/** Index into `history` of the best epoch for `monitor` (first of equals), or -1 when absent. */
export function bestEpochIndex(history: readonly EpochLogs[], monitor: Monitor): number {
  let best = -1;
  history.forEach((e, i) => {
    const v = e[monitor];
    if (v === undefined || !Number.isFinite(v)) return;
    const b = best < 0 ? undefined : history[best][monitor];
    if (b === undefined || isImprovement(monitor, v, b, 0)) best = i;
  });
  return best;
}

export function meanEpochMs(history: readonly EpochLogs[]): number {
  return history.length ? history.reduce((a, e) => a + e.ms, 0) / history.length : NaN;
}

const CSV_COLUMNS = ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'lr', 'ms'] as const;

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per epoch per run; epochs are 1-based as in the charts. */
export function runsCsv(runs: readonly RunRecord[]): string {
  const rows = [['run', 'label', ...CSV_COLUMNS].join(',')];
  for (const r of runs) {
    for (const e of r.history) {
      rows.push([r.id, r.label, e.epoch + 1, e.loss, e.accuracy, e.val_loss, e.val_accuracy, e.lr, e.ms].map(csvCell).join(','));
    }
  }
  return rows.join('\n') + '\n';
}
