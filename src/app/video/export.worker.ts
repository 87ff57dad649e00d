/// <reference lib="webworker" />
import { encodeAnnotatedWebm } from '../../core/export/annotatedWebm';
import type { MotRow } from '../../core/metrics';
import { openVideo } from '../../core/video';
import { drawOverlay } from '../render/overlay';
import { FrameAnnotations } from './annotations';

/** Annotated-video export off the page: decode → draw boxes/ids/trails → VP8 → WebM. */
export interface ExportRequest {
  file: File;
  rows: MotRow[];
  labels: Map<number, string>;
}

export type ExportResponse = { type: 'progress'; framesDone: number } | { type: 'done'; video: Blob } | { type: 'error'; message: string };

const OVERLAY = { showBoxes: true, showLabels: true, showScores: true, showTrails: true };
const post = (msg: ExportResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { file, rows, labels } = event.data;
  const annotations = new FrameAnnotations(rows, labels);
  try {
    const source = await openVideo(file);
    try {
      const video = await encodeAnnotatedWebm(
        source,
        (ctx, index) => drawOverlay(ctx as unknown as CanvasRenderingContext2D, annotations.drawables(index), OVERLAY),
        { onProgress: (framesDone) => framesDone % 5 === 0 && post({ type: 'progress', framesDone }) },
      );
      post({ type: 'done', video });
    } finally {
      source.close();
    }
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
