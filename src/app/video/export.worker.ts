/// <reference lib="webworker" />
import { encodeAnnotatedWebm } from '../../browser/export/annotatedWebm';
import type { MotRow } from '../../core/metrics';
import { openVideo } from '../../browser/video';
import type { MaskRle } from '../../core/segmentation';
import { FrameAnnotations } from './annotations';

/** Annotated-video export off the page: decode → draw masks/boxes/ids/trails → VP8 → WebM. */
export interface ExportRequest {
  file: File;
  rows: MotRow[];
  labels: Map<number, string>;
  masks: Map<number, MaskRle>;
  every: number;
}

export type ExportResponse = { type: 'progress'; framesDone: number } | { type: 'done'; video: Blob } | { type: 'error'; message: string };

const post = (msg: ExportResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { file, rows, labels, masks, every } = event.data;
  const annotations = new FrameAnnotations(rows, labels, masks, every);
  try {
    const source = await openVideo(file);
    try {
      const video = await encodeAnnotatedWebm(source, (ctx, index) => void annotations.draw(ctx, index), {
        onProgress: (framesDone) => framesDone % 5 === 0 && post({ type: 'progress', framesDone }),
      });
      post({ type: 'done', video });
    } finally {
      source.close();
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
