/**
 * COCO run-length encoding, as pycocotools writes it: a binary mask of
 * `size = [height, width]` read column-major (down each column, then the
 * next column), as alternating runs of 0 and 1 starting with 0, with the
 * runs packed into pycocotools' compressed string (`rleToString` in
 * cocoapi's maskApi.c): each count from the fourth on is stored as the
 * difference to the count two before, then written as 5-bit groups, low
 * first, each group + 48 as one ASCII character, 0x20 = "more follows",
 * 0x10 of the last group = sign. `pycocotools.mask.decode(rle)` reads it.
 */
export interface CocoRle {
  /** [height, width] in pixels. */
  size: [number, number];
  /** pycocotools' compressed counts string. */
  counts: string;
}

const ZERO_CHAR = 48;
const GROUP_BITS = 5;

/** Packs run lengths into pycocotools' counts string. */
export function countsToString(counts: readonly number[]): string {
  let s = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i] - (i > 2 ? counts[i - 2] : 0); // i > 2, not >= 2: pycocotools' own rule
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= GROUP_BITS;
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      s += String.fromCharCode(c + ZERO_CHAR);
    }
  }
  return s;
}

/** Unpacks pycocotools' counts string into run lengths; throws on a character outside the code range. */
export function stringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new RangeError(`COCO RLE counts string ends inside a number at ${p}`);
      const c = s.charCodeAt(p) - ZERO_CHAR;
      if (c < 0 || c > 0x3f) throw new RangeError(`COCO RLE counts string has "${s[p]}" at ${p}; allowed: "0" to "o"`);
      x += (c & 0x1f) * 2 ** (GROUP_BITS * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (GROUP_BITS * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2];
    counts.push(x);
  }
  return counts;
}

/** Run lengths of a 0/1 sequence, starting with a (possibly empty) run of 0s. */
export class RunBuilder {
  readonly counts: number[] = [0];
  #bit = 0;

  push(bit: number, length: number): void {
    if (length <= 0) return;
    const b = bit ? 1 : 0;
    if (b !== this.#bit) {
      this.counts.push(0);
      this.#bit = b;
    }
    this.counts[this.counts.length - 1] += length;
  }
}

/** Encodes a row-major 0/1 mask of `height` x `width` as COCO RLE (column-major). */
export function encodeCocoRle(bits: ArrayLike<number>, height: number, width: number): CocoRle {
  if (bits.length !== height * width) throw new RangeError(`mask has ${bits.length} cells; expected ${height} x ${width}`);
  const runs = new RunBuilder();
  for (let x = 0; x < width; x++) for (let y = 0; y < height; y++) runs.push(bits[y * width + x], 1);
  return { size: [height, width], counts: countsToString(runs.counts) };
}

/** Decodes COCO RLE into a row-major 0/1 mask; throws when the runs do not fill `size`. */
export function decodeCocoRle(rle: CocoRle): Uint8Array {
  const [height, width] = rle.size;
  const bits = new Uint8Array(height * width);
  let k = 0;
  stringToCounts(rle.counts).forEach((run, i) => {
    if (k + run > bits.length) throw new RangeError(`COCO RLE covers more than ${height} x ${width} cells`);
    if (i % 2 === 1) for (let j = k; j < k + run; j++) bits[(j % height) * width + Math.floor(j / height)] = 1;
    k += run;
  });
  if (k !== bits.length) throw new RangeError(`COCO RLE covers ${k} cells; expected ${height} x ${width} = ${bits.length}`);
  return bits;
}
