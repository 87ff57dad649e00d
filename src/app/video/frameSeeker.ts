import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';

/** Added to a frame's timestamp when seeking, so rounding never lands on the previous frame. */
const SEEK_EPSILON_US = 100;

/**
 * Random access to decoded frames of an uploaded file, for scrubbing:
 * mediabunny's CanvasSink decodes from the nearest key frame before the
 * requested time (upright: it applies the container's rotation and flip,
 * as the decode layer does). Requests are serialised; while one decodes,
 * only the newest waiting request is kept, so dragging a slider never queues
 * a backlog.
 */
export class FrameSeeker {
  readonly #input: Input;
  readonly #sink: Promise<CanvasSink>;
  #busy = false;
  #waiting: { timestampUs: number; resolve: (c: CanvasImageSource | null) => void } | null = null;

  constructor(file: Blob) {
    this.#input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
    this.#sink = this.#input.getPrimaryVideoTrack().then((track) => {
      if (!track) throw new Error('the file has no video track');
      return new CanvasSink(track, { poolSize: 2 });
    });
  }

  /** The frame shown at `timestampUs`, or null when superseded by a newer request. */
  frameAt(timestampUs: number): Promise<CanvasImageSource | null> {
    return new Promise((resolve) => {
      this.#waiting?.resolve(null);
      this.#waiting = { timestampUs, resolve };
      void this.#pump();
    });
  }

  close(): void {
    this.#waiting?.resolve(null);
    this.#waiting = null;
    this.#input.dispose();
  }

  async #pump(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      while (this.#waiting) {
        const { timestampUs, resolve } = this.#waiting;
        this.#waiting = null;
        try {
          const wrapped = await (await this.#sink).getCanvas((timestampUs + SEEK_EPSILON_US) / 1e6);
          resolve(wrapped?.canvas ?? null);
        } catch {
          resolve(null);
        }
      }
    } finally {
      this.#busy = false;
    }
  }
}
