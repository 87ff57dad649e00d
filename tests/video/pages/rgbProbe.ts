/** In-page side of the pixel-parity check: RGB bytes of chosen frames as the video worker makes them. */
import { openVideo, videoFrameToRgb } from '../../../src/browser/video';

export interface ProbedFrame {
  index: number;
  format: string | null;
  matrix: string | null;
  width: number;
  height: number;
  base64: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function probe(indices: number[]): Promise<ProbedFrame[]> {
  const file = (document.getElementById('file') as HTMLInputElement).files![0];
  const source = await openVideo(file);
  const out: ProbedFrame[] = [];
  try {
    for await (const { frame, index } of source.frames()) {
      try {
        if (indices.includes(index)) {
          const rgb = await videoFrameToRgb(frame);
          out.push({
            index,
            format: frame.format,
            matrix: frame.colorSpace.matrix,
            width: rgb.width,
            height: rgb.height,
            base64: toBase64(rgb.data),
          });
        }
      } finally {
        frame.close();
      }
    }
  } finally {
    source.close();
  }
  return out;
}

declare global {
  interface Window {
    rgbProbe: typeof probe;
  }
}
window.rgbProbe = probe;
