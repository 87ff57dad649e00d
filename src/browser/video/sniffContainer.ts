/**
 * Recognises a media container from its first bytes, independently of the
 * demuxer. Used to tell "not a video at all" (no known signature) apart from
 * "a video whose structure is broken" (signature present, but the demuxer
 * cannot read it, e.g. an MP4 cut before its index at the end of the file).
 */
export type ContainerFamily = 'isobmff' | 'matroska' | 'unknown';

/** Bytes to read: an ISO BMFF box header (size + 'ftyp') or the EBML magic. */
export const SNIFF_BYTES = 12;

export function sniffContainer(head: Uint8Array): ContainerFamily {
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 8 && ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(ascii(4, 8))) return 'isobmff';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'matroska';
  return 'unknown';
}

/** Reads the first SNIFF_BYTES of `file` and classifies them. */
export async function sniffFile(file: Blob): Promise<ContainerFamily> {
  return sniffContainer(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
}
