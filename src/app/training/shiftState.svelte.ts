/**
 * Runes state for "Why CNNs: the shift test" in the LeNet panel: its settings,
 * the slider's shift and the four accuracy-vs-shift curves. The work lives in
 * the framework-free runShiftStudy; MNIST comes from the panel's LenetSession.
 */
import {
  DEFAULT_SHIFT_STUDY,
  MAX_SHIFT,
  runShiftStudy,
  shiftImages,
  shiftOffsets,
  validateShiftStudyConfig,
  type LenetSession,
  type ShiftDirection,
  type ShiftSeries,
} from '../../core/training/index.ts';

export class ShiftState {
  trainSize = $state(DEFAULT_SHIFT_STUDY.trainSize);
  epochs = $state(DEFAULT_SHIFT_STUDY.epochs);
  augmentShift = $state(DEFAULT_SHIFT_STUDY.augmentShift);
  testSize = $state(DEFAULT_SHIFT_STUDY.testSize);
  direction = $state<ShiftDirection>(DEFAULT_SHIFT_STUDY.direction);
  /** The slider: test digits moved by this many pixels. */
  shift = $state(0);
  series = $state.raw<ShiftSeries[]>([]);
  /** The direction the curves were measured in. */
  measured = $state<ShiftDirection>(DEFAULT_SHIFT_STUDY.direction);
  running = $state(false);
  progress = $state(0);
  status = $state('');
  error = $state('');
  readonly session: LenetSession;
  #abort: AbortController | null = null;
  #run: Promise<void> | null = null;

  constructor(session: LenetSession) {
    this.session = session;
  }

  /** The first test digit moved by the slider's shift (the first offset of the chosen direction), 0..1 pixels. */
  preview(): Float32Array | null {
    const digit = this.session.sampleDigit(0);
    if (!digit) return null;
    const [dx, dy] = shiftOffsets(this.direction, this.shift)[0];
    return shiftImages(digit, 1, 28, 28, dx, dy);
  }

  run(): Promise<void> {
    const data = this.session.data,
      split = this.session.split;
    if (this.running || !data || !split) return Promise.resolve();
    this.error = '';
    let config;
    try {
      config = validateShiftStudyConfig({
        trainSize: this.trainSize,
        epochs: this.epochs,
        augmentShift: this.augmentShift,
        testSize: this.testSize,
        direction: this.direction,
        maxShift: MAX_SHIFT,
      });
    } catch (e) {
      this.error = (e as Error).message;
      return Promise.resolve();
    }
    const c = config;
    this.#abort = new AbortController();
    this.running = true;
    this.progress = 0;
    this.series = [];
    this.measured = c.direction;
    this.#run = runShiftStudy(c, data, split, {
      signal: this.#abort.signal,
      onProgress: (f, what) => {
        this.progress = f;
        this.status = what;
      },
      onSeries: (s) => (this.series = [...this.series, s]),
    })
      .then((r) => {
        this.status = r.stopped
          ? `stopped after ${r.series.length} of 4 models`
          : `done: 4 models, ${c.epochs} epoch(s) on ${c.trainSize} digits, tested on ${c.testSize} shifted test digits`;
      })
      .catch((e: unknown) => void (this.error = (e as Error).message))
      .finally(() => {
        this.running = false;
        this.#run = null;
      });
    return this.#run;
  }

  stop(): void {
    this.#abort?.abort();
  }

  async dispose(): Promise<void> {
    this.stop();
    await this.#run;
  }
}
