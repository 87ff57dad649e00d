import { untrack } from 'svelte';
import { FrameSeeker } from './frameSeeker';
import type { ResultStore } from './resultStore';

/** The results viewer: which frame is shown, and drawing it with its masks, boxes, ids and trails. */
export class Playback {
  index = $state(0);
  /** Last frame actually drawn (tests and screen readers wait on this). */
  renderedIndex = $state(-1);
  /** Tracks whose masks were painted on the last drawn frame. */
  masksDrawn = $state(0);
  /** Reactive so the viewer's render effect re-runs when results are attached, even at an unchanged index. */
  #store = $state.raw<ResultStore | null>(null);
  #seeker: FrameSeeker | null = null;

  /**
   * Shows `store` (null: nothing), opening on its first frame with a track
   * (frame 0 when there is none), so new results never open on an empty or
   * black lead-in.
   */
  attach(store: ResultStore | null): void {
    if (store === untrack(() => this.#store)) return;
    this.#seeker?.close();
    this.#store = store;
    this.#seeker = store ? new FrameSeeker(store.file) : null;
    this.renderedIndex = -1;
    this.index = store?.firstTrackedFrame() ?? 0;
  }

  seek(index: number): void {
    const last = (this.#store?.frameCount ?? 1) - 1;
    this.index = Math.max(0, Math.min(last, Math.round(index)));
  }

  step(delta: number): void {
    this.seek(this.index + delta);
  }

  /** Decodes frame `index` and draws it with its annotations; a newer request supersedes this one. */
  async render(canvas: HTMLCanvasElement, index: number): Promise<void> {
    const store = this.#store;
    const seeker = this.#seeker;
    if (!store || !seeker) return;
    const image = await seeker.frameAt(store.timestampUs(index));
    if (!image || store !== this.#store || index !== this.index) return;
    const { width, height } = store.metadata;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(image, 0, 0, width, height);
    this.masksDrawn = store.annotations().draw(ctx, index);
    this.renderedIndex = index;
  }

  dispose(): void {
    this.#seeker?.close();
    this.#seeker = null;
  }
}
