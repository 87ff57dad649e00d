/**
 * YUV 4:2:0 → packed RGB, written to reproduce ffmpeg's own conversion so the
 * browser (WebCodecs frames) and the CLI (`ffmpeg -pix_fmt rgb24`) feed the
 * detector the same pixels.
 *
 * ffmpeg/swscale converts yuv420p → rgb24 of the same size with its
 * fixed-point path (libswscale/x86/yuv_2_rgb.asm): chroma is replicated per
 * 2x2 block (no interpolation), every term is a 16-bit `pmulhw` of the
 * sample × 8 with a Q13 coefficient (a floor), the terms are summed and
 * saturated. Measured against ffmpeg 5.1 on a VP8 clip of vtest: 0 of
 * 1.3 M channel values differ (bit-exact); a float formula with rounding
 * differs by 1–3 levels on 2/3 of them. Other ffmpeg builds (no SSSE3, ARM)
 * may round differently by ±1.
 *
 * Range: limited ("TV", Y 16–235) only, which is what camera and web video
 * use; full-range frames are converted as limited (slightly low contrast).
 */
export const YUV_MATRICES = ['bt601', 'bt709'] as const;
export type YuvMatrix = (typeof YUV_MATRICES)[number];

interface Coefficients {
  readonly y: number;
  readonly vr: number;
  readonly ug: number;
  readonly vg: number;
  readonly ub: number;
}

const q13 = (c: number): number => Math.round(c * 8192);
/** ITU-R BT.601 / BT.709 limited-range inverse matrices (swscale's ff_yuv2rgb_coeffs, scaled by 255/224). */
const COEFFICIENTS: Readonly<Record<YuvMatrix, Coefficients>> = {
  bt601: { y: q13(255 / 219), vr: q13(1.596027), ug: q13(0.391762), vg: q13(0.812968), ub: q13(2.017232) },
  bt709: { y: q13(255 / 219), vr: q13(1.792741), ug: q13(0.213249), vg: q13(0.532909), ub: q13(2.112402) },
};

/** Where each plane starts and how many bytes one of its rows takes. */
export interface Yuv420Layout {
  readonly yOffset: number;
  readonly yStride: number;
  readonly uOffset: number;
  readonly uStride: number;
  readonly vOffset: number;
  readonly vStride: number;
  /** True for NV12: U and V interleaved in one plane at `uOffset` (vOffset = uOffset + 1). */
  readonly interleaved?: boolean;
}

const mulhi = (a: number, b: number): number => Math.floor((a * b) / 65536);
const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Converts one 4:2:0 frame (I420 or NV12) to tightly packed RGB
 * (height × width × 3), into `out` when given.
 */
export function yuv420ToRgb(
  src: Uint8Array,
  layout: Yuv420Layout,
  width: number,
  height: number,
  matrix: YuvMatrix = 'bt601',
  out: Uint8Array = new Uint8Array(width * height * 3),
): Uint8Array {
  const k = COEFFICIENTS[matrix];
  const step = layout.interleaved ? 2 : 1;
  const vOffset = layout.interleaved ? layout.uOffset + 1 : layout.vOffset;
  const vStride = layout.interleaved ? layout.uStride : layout.vStride;
  let o = 0;
  for (let row = 0; row < height; row++) {
    const yRow = layout.yOffset + row * layout.yStride;
    const uRow = layout.uOffset + (row >> 1) * layout.uStride;
    const vRow = vOffset + (row >> 1) * vStride;
    for (let col = 0; col < width; col++) {
      const c = (col >> 1) * step;
      const y = mulhi((src[yRow + col] - 16) * 8, k.y);
      const u = (src[uRow + c] - 128) * 8;
      const v = (src[vRow + c] - 128) * 8;
      out[o++] = clamp(y + mulhi(v, k.vr));
      out[o++] = clamp(y + mulhi(u, -k.ug) + mulhi(v, -k.vg));
      out[o++] = clamp(y + mulhi(u, k.ub));
    }
  }
  return out;
}
