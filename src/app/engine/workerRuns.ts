/**
 * One run at a time in a worker (the video worker's processing and
 * re-tracking): starting a run aborts the one in progress; `pause` holds the
 * run at its next `gate()`, `resume` or `cancel` lets it go on (a cancelled
 * run sees its signal aborted and stops).
 */
export class WorkerRuns {
  #run: { abort: AbortController; paused: boolean; wake: (() => void) | null } | null = null;

  /** Starts `work`, aborting any run in progress. */
  start(work: (abort: AbortController) => Promise<void>): void {
    this.#run?.abort.abort();
    const current = { abort: new AbortController(), paused: false, wake: null };
    this.#run = current;
    void work(current.abort).finally(() => {
      if (this.#run === current) this.#run = null;
    });
  }

  /** Resolves at once unless the run is paused; then when it is resumed or cancelled. A function, to pass as is. */
  readonly gate = (): Promise<void> => {
    const run = this.#run;
    if (!run?.paused) return Promise.resolve();
    return new Promise((resolve) => {
      run.wake = resolve;
    });
  };

  pause(): void {
    if (this.#run) this.#run.paused = true;
  }

  resume(): void {
    const run = this.#run;
    if (!run) return;
    run.paused = false;
    run.wake?.();
    run.wake = null;
  }

  cancel(): void {
    this.#run?.abort.abort(new DOMException('cancelled by the user', 'AbortError'));
    this.resume();
  }
}
