import type { Detection } from '../../core/detection/types';
import { colorForKey } from './colors';

export interface OverlayOptions {
  showLabels: boolean;
  showScores: boolean;
}

/**
 * Draws detections onto a canvas whose pixel grid equals the source frame, so
 * boxes (source pixels) need no scaling; CSS scales canvas and video together.
 */
export function drawDetections(ctx: CanvasRenderingContext2D, detections: readonly Detection[], opts: OverlayOptions): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  const lineWidth = Math.max(2, ctx.canvas.width / 320);
  const fontPx = Math.max(12, Math.round(ctx.canvas.width / 50));
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const d of detections) {
    const [x, y, w, h] = d.box;
    const color = colorForKey(d.classId);
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.strokeRect(x, y, w, h);
    if (!opts.showLabels) continue;
    const text = opts.showScores ? `${d.label} ${(d.score * 100).toFixed(0)}%` : d.label;
    const tw = ctx.measureText(text).width + 8;
    const ty = y > fontPx + 4 ? y : y + fontPx + 4;
    ctx.fillStyle = color;
    ctx.fillRect(x - lineWidth / 2, ty - fontPx - 4, tw, fontPx + 4);
    ctx.fillStyle = '#000';
    ctx.fillText(text, x + 4, ty - 2);
  }
}
