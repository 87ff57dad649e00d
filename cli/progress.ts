/** What the progress line writes to: stderr by default; `isTTY` decides the style. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Redraw interval of the TTY line, ms. */
const TTY_REDRAW_MS = 500;
/** Without a TTY: one line per this fraction of the total… */
const LOG_STEP_FRACTION = 0.1;
/** …or per this many frames when the total is unknown. */
const LOG_STEP_FRAMES = 100;

/**
 * Frames done, frames per second and ETA. On a terminal one line redraws in
 * place (`\r`); in a log or pipe it prints a plain line every 10% (every
 * 100 frames when the total is unknown), so logs stay readable.
 */
export class ProgressLine {
  count = 0;
  readonly #start = performance.now();
  readonly #tty: boolean;
  #lastDraw = 0;
  #nextLogAt: number;
  #lastLogged = -1;

  constructor(
    readonly total: number | null,
    readonly stream: ProgressStream = process.stderr,
  ) {
    this.#tty = stream.isTTY === true;
    this.#nextLogAt = this.#logStep();
  }

  tick(): void {
    this.count++;
    const t = performance.now();
    if (this.#tty) {
      if (t - this.#lastDraw > TTY_REDRAW_MS) this.#draw(t);
    } else if (this.count >= this.#nextLogAt) {
      this.#nextLogAt += this.#logStep();
      this.#log(t);
    }
  }

  done(): void {
    if (this.#tty) {
      this.#draw(performance.now());
      this.stream.write('\n');
    } else if (this.#lastLogged !== this.count) {
      this.#log(performance.now());
    }
  }

  #logStep(): number {
    return this.total ? Math.max(1, Math.ceil(this.total * LOG_STEP_FRACTION)) : LOG_STEP_FRAMES;
  }

  #log(t: number): void {
    this.#lastLogged = this.count;
    this.stream.write(`${this.#text(t)}\n`);
  }

  #draw(t: number): void {
    this.#lastDraw = t;
    this.stream.write(`\r${this.#text(t)}   `);
  }

  #text(t: number): string {
    const fps = this.count / ((t - this.#start) / 1000 || 1);
    const of = this.total ? `/${this.total} (${((100 * this.count) / this.total).toFixed(0)}%)` : '';
    const eta = this.total && fps > 0 ? `, ETA ${Math.max(0, (this.total - this.count) / fps).toFixed(0)} s` : '';
    return `${this.count}${of} frames, ${fps.toFixed(1)} fps${eta}`;
  }
}
