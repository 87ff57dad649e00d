import { evaluate, parseMot, perFrameErrors, type FrameEvents, type MotMetrics, type MotRow } from '../../core/metrics';
import type { ResultStore } from './resultStore';

/** IoU for a gt/result match, MOTChallenge's usual 0.5 (the CLI uses the same). */
const IOU_THRESHOLD = 0.5;

/** Ground truth loaded by the user and the metrics of the shown results against it. */
export class EvaluationState {
  gtName = $state<string | null>(null);
  error = $state<string | null>(null);
  metrics = $state.raw<MotMetrics | null>(null);
  perFrame = $state.raw<FrameEvents[]>([]);
  #gt: MotRow[] | null = null;

  async load(file: File, results: ResultStore | null): Promise<void> {
    try {
      const rows = parseMot(await file.text(), file.name);
      if (rows.length === 0) throw new Error('it has no rows');
      this.#gt = rows;
      this.gtName = file.name;
      this.error = null;
      this.update(results);
    } catch (e) {
      this.error = `"${file.name}" is not a MOTChallenge ground-truth file: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Recomputes against `results` (call when the shown results change). */
  update(results: ResultStore | null): void {
    if (!this.#gt || !results) {
      this.metrics = null;
      this.perFrame = [];
      return;
    }
    const options = { iouThreshold: IOU_THRESHOLD, dropZeroConfGt: true };
    this.metrics = evaluate(this.#gt, results.rows(), options);
    this.perFrame = perFrameErrors(this.#gt, results.rows(), options);
  }

  clear(): void {
    this.#gt = null;
    this.gtName = null;
    this.error = null;
    this.update(null);
  }
}
