import type { TrackOutput } from '../../core/tracking';
import type { CustomTrackLabel } from '../../core/classifier';
import { colorForKey } from './colors';

export interface OverlayOptions {
  showBoxes: boolean;
  showLabels: boolean;
  showScores: boolean;
  showTrails: boolean;
}

/** Anything with a box and a stable key to colour by (a track, or a detection keyed by class). */
export interface Drawable {
  box: readonly [number, number, number, number];
  key: number;
  text: string;
  trail?: readonly (readonly [number, number])[];
  /** Drawn with a thinner stroke: the box was moved by the motion model, not just detected. */
  carried?: boolean;
}

/** Stroke of a carried box relative to a detected one. */
const CARRIED_STROKE = 0.5;

/**
 * `label #id`; a custom classifier's label replaces the COCO label, with its own score.
 * `fresh`: drawn from a detection on this frame; otherwise, and for a track its
 * last detection missed, the box is marked carried.
 */
export function trackDrawable(t: TrackOutput & CustomTrackLabel, showScores: boolean, fresh = true): Drawable {
  const score = t.customLabel !== undefined ? (t.customScore ?? 0) : t.score;
  const text = `${t.customLabel ?? t.label ?? 'object'} #${t.id}${showScores ? ` ${(score * 100).toFixed(0)}%` : ''}`;
  return { box: t.box, key: t.id, text, trail: t.history, carried: !fresh || t.timeSinceUpdate > 0 };
}

function drawTrail(ctx: CanvasRenderingContext2D, trail: Drawable['trail'], color: string, width: number): void {
  if (!trail || trail.length < 2) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.globalAlpha = 0.8;
  ctx.beginPath();
  trail.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function drawLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, fontPx: number): void {
  const tw = ctx.measureText(text).width + 8;
  const ty = y > fontPx + 4 ? y : y + fontPx + 4;
  ctx.fillStyle = color;
  ctx.fillRect(x, ty - fontPx - 4, tw, fontPx + 4);
  ctx.fillStyle = '#000';
  ctx.fillText(text, x + 4, ty - 2);
}

/**
 * Draws boxes, `label #id` tags and trails onto a canvas whose pixel grid
 * equals the source frame, so source-pixel boxes need no scaling.
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, items: readonly Drawable[], opts: OverlayOptions): void {
  const lineWidth = Math.max(2, ctx.canvas.width / 320);
  const fontPx = Math.max(12, Math.round(ctx.canvas.width / 50));
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const d of items) {
    const color = colorForKey(d.key);
    if (opts.showTrails) drawTrail(ctx, d.trail, color, lineWidth);
    const [x, y, w, h] = d.box;
    if (opts.showBoxes) {
      ctx.strokeStyle = color;
      ctx.lineWidth = d.carried ? Math.max(1, lineWidth * CARRIED_STROKE) : lineWidth;
      ctx.strokeRect(x, y, w, h);
    }
    if (opts.showLabels) drawLabel(ctx, d.text, x - lineWidth / 2, y, color, fontPx);
  }
}
