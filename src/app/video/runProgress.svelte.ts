/**
 * Progress of the Video view's run in progress (or the last one): frames done
 * and time spent, as the worker reports them, and what follows from them
 * against the run's total (`total`, 0 while unknown): fps, ETA and the
 * progress bar's fraction.
 */
export class RunProgress {
  framesDone = $state(0);
  elapsedMs = $state(0);
  readonly #total: () => number;

  constructor(total: () => number) {
    this.#total = total;
  }

  update(framesDone: number, elapsedMs: number): void {
    this.framesDone = framesDone;
    this.elapsedMs = elapsedMs;
  }

  reset(): void {
    this.update(0, 0);
  }

  get fps(): number {
    return this.elapsedMs > 0 ? (this.framesDone * 1000) / this.elapsedMs : 0;
  }

  /** Seconds left, or null while unknown. */
  get etaSeconds(): number | null {
    const total = this.#total();
    if (!total || this.fps === 0) return null;
    return Math.max(0, (total - this.framesDone) / this.fps);
  }

  /** 0..1; estimated totals (WebM) can be exceeded, so it is clamped. */
  get fraction(): number {
    const total = this.#total();
    return total ? Math.min(1, this.framesDone / total) : 0;
  }
}
