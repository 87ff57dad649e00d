/** A single self-updating stderr line: frames done, frames per second, ETA. */
export class ProgressLine {
  count = 0;
  readonly #start = performance.now();
  #lastDraw = 0;

  constructor(readonly total: number | null) {}

  tick(): void {
    this.count++;
    const t = performance.now();
    if (t - this.#lastDraw > 500) this.#draw(t);
  }

  done(): void {
    this.#draw(performance.now());
    process.stderr.write('\n');
  }

  #draw(t: number): void {
    this.#lastDraw = t;
    const fps = this.count / ((t - this.#start) / 1000 || 1);
    const of = this.total ? `/${this.total} (${((100 * this.count) / this.total).toFixed(0)}%)` : '';
    const eta = this.total && fps > 0 ? `, ETA ${Math.max(0, (this.total - this.count) / fps).toFixed(0)} s` : '';
    process.stderr.write(`\r${this.count}${of} frames, ${fps.toFixed(1)} fps${eta}   `);
  }
}
