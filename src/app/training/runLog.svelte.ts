/** A panel's past runs (newest last, at most MAX_RUNS) for the overlaid charts and the CSV export. */
import { runsCsv, type EpochLogs, type RunRecord } from '../../core/training/index.ts';

/** Enough to compare a few settings without cluttering the charts. */
export const MAX_RUNS = 6;

export class RunLog {
  runs = $state.raw<RunRecord[]>([]);
  #next = 1;

  add(label: string, history: readonly EpochLogs[]): void {
    if (history.length === 0) return;
    this.runs = [...this.runs, { id: this.#next++, label, history: [...history] }].slice(-MAX_RUNS);
  }

  clear(): void {
    this.runs = [];
  }

  csv(): string {
    return runsCsv(this.runs);
  }
}
