/**
 * Runes state for the FCN upsampling lab: one real image, the segmentation
 * model's raw mask at its own resolution, and that mask upsampled to the
 * image by the chosen method. The model runs once per image and model choice
 * and is disposed at once, so switching the method touches no tensors.
 * Both bundled models end in a learned 2× transposed convolution (the last
 * node of meet.json and selfie.json), so their output is as large as their
 * input: the coarse step the lab shows is model output → photo.
 */
import {
  DEFAULT_SEGMENTER_CONFIG,
  loadSegmenter,
  maskOutline,
  outputStride,
  upsampleMask,
  type GridSize,
  type PersonMask,
  type SegmentationModelName,
  type UpsampleMethod,
} from '../../core/segmentation';
import { trainingBackend } from './trainingBackend.svelte';

/** The sample photo (public/samples/README.md gives its provenance). */
export const SAMPLE_IMAGE = 'samples/astronaut.jpg';
/** Larger photos are scaled down to this longest side, so re-upsampling on a method switch stays quick. */
const MAX_SIDE = 1024;

/** Decodes `blob`, scaled down to MAX_SIDE when larger. */
async function decode(blob: Blob): Promise<ImageBitmap> {
  const full = await createImageBitmap(blob);
  const scale = MAX_SIDE / Math.max(full.width, full.height);
  if (scale >= 1) return full;
  try {
    return await createImageBitmap(full, {
      resizeWidth: Math.round(full.width * scale),
      resizeHeight: Math.round(full.height * scale),
      resizeQuality: 'high',
    });
  } finally {
    full.close();
  }
}

export class FcnLabState {
  model = $state<SegmentationModelName>(DEFAULT_SEGMENTER_CONFIG.model);
  method = $state<UpsampleMethod>('nearest');
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  message = $state('');
  image = $state.raw<ImageBitmap | null>(null);
  imageName = $state('');
  /** The model's raw output: person probability at model resolution. */
  mask = $state.raw<PersonMask | null>(null);
  /** The model's input size (from the manifest the graph was built from). */
  netInput = $state.raw<GridSize | null>(null);
  readonly threshold = DEFAULT_SEGMENTER_CONFIG.threshold;
  upsampled = $derived(this.mask ? upsampleMask(this.mask, this.method) : null);
  outline = $derived(
    this.mask && this.upsampled ? maskOutline(this.upsampled, this.mask.sourceWidth, this.mask.sourceHeight, this.threshold) : null,
  );
  /** Image pixels per mask cell: the stride the upsampling has to make up. */
  stride = $derived(this.mask ? outputStride({ width: this.mask.sourceWidth, height: this.mask.sourceHeight }, this.mask) : null);
  /** The network's own input / output ratio. */
  netStride = $derived(this.mask && this.netInput ? outputStride(this.netInput, this.mask) : null);
  #run = 0;

  /** Loads the sample photo (once) and segments it with the current model. */
  async start(): Promise<void> {
    if (this.image) return this.segment();
    await this.#withStatus('loading the sample photo…', async () => {
      const res = await fetch(new URL(`${import.meta.env.BASE_URL}${SAMPLE_IMAGE}`, location.href));
      if (!res.ok) throw new Error(`GET ${SAMPLE_IMAGE} failed with HTTP ${res.status}`);
      this.#setImage(await decode(await res.blob()), 'astronaut.jpg (skimage sample)');
    });
    await this.segment();
  }

  /** Uses a photo the user picked; a file the browser cannot decode keeps the current one. */
  async useFile(file: File): Promise<void> {
    const ok = await this.#withStatus(`decoding ${file.name}…`, async () => {
      try {
        this.#setImage(await decode(file), file.name);
      } catch {
        throw new Error(`${file.name} is not an image this browser can decode; still showing ${this.imageName}`);
      }
    });
    if (ok) await this.segment();
  }

  setModel(model: SegmentationModelName): Promise<void> {
    this.model = model;
    return this.segment();
  }

  /** Runs the chosen model once on the image and keeps its raw mask. */
  async segment(): Promise<void> {
    const image = this.image;
    if (!image) return;
    const run = ++this.#run;
    await this.#withStatus(`segmenting with ${this.model}…`, async () => {
      await trainingBackend.ensure();
      const source = new URL(`${import.meta.env.BASE_URL}models/`, location.href).href;
      const segmenter = await loadSegmenter({ source, model: this.model });
      try {
        const mask = await segmenter.segment(image);
        if (run !== this.#run) return; // a newer request (model or image) won
        this.mask = mask;
        this.netInput = segmenter.inputSize;
      } finally {
        segmenter.dispose();
      }
    });
  }

  #setImage(bitmap: ImageBitmap, name: string): void {
    this.image?.close();
    this.image = bitmap;
    this.imageName = name;
  }

  async #withStatus(message: string, work: () => Promise<void>): Promise<boolean> {
    this.status = 'loading';
    this.message = message;
    try {
      await work();
      this.status = 'ready';
      this.message = '';
      return true;
    } catch (e) {
      this.status = 'error';
      this.message = (e as Error).message;
      return false;
    }
  }

  dispose(): void {
    this.#run++;
    this.image?.close();
    this.image = null;
  }
}
