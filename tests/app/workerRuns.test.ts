/** The video worker's one-run-at-a-time control: replacing, pausing, resuming and cancelling a run. */
import { describe, expect, it } from 'vitest';
import { WorkerRuns } from '../../src/app/engine/workerRuns.ts';

/** Whether `promise` has settled once pending microtasks and timers ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

/** A run that stays open until `finish` is called, exposing its abort controller. */
function openRun(runs: WorkerRuns) {
  let finish!: () => void;
  let abort!: AbortController;
  runs.start((a) => {
    abort = a;
    return new Promise<void>((resolve) => (finish = resolve));
  });
  return { abort, finish };
}

describe('WorkerRuns', () => {
  it('starting a run aborts the one in progress', () => {
    const runs = new WorkerRuns();
    const first = openRun(runs);
    const second = openRun(runs);
    expect(first.abort.signal.aborted).toBe(true);
    expect(second.abort.signal.aborted).toBe(false);
  });

  it('pause holds the run at its gate until resume', async () => {
    const runs = new WorkerRuns();
    openRun(runs);
    expect(await settled(runs.gate())).toBe(true);
    runs.pause();
    const held = runs.gate();
    expect(await settled(held)).toBe(false);
    runs.resume();
    expect(await settled(held)).toBe(true);
  });

  it('cancel aborts the run with an AbortError and releases its gate', async () => {
    const runs = new WorkerRuns();
    const run = openRun(runs);
    runs.pause();
    const held = runs.gate();
    runs.cancel();
    expect(await settled(held)).toBe(true);
    expect(run.abort.signal.aborted).toBe(true);
    expect(run.abort.signal.reason).toMatchObject({ name: 'AbortError', message: 'cancelled by the user' });
  });

  it('a finished run leaves nothing to pause', async () => {
    const runs = new WorkerRuns();
    const run = openRun(runs);
    run.finish();
    await settled(Promise.resolve());
    runs.pause();
    expect(await settled(runs.gate())).toBe(true);
  });
});
