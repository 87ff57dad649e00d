/** Golden-angle hue steps keep neighbouring keys (class or track ids) visually distinct. */
function hueForKey(key: number): number {
  return (Math.abs(key) * 137.508) % 360;
}

const SATURATION = 0.85;
const LIGHTNESS = 0.55;

/** Stable, well-separated CSS colour for an integer key. */
export function colorForKey(key: number): string {
  return `hsl(${hueForKey(key).toFixed(1)} ${Math.round(SATURATION * 100)}% ${Math.round(LIGHTNESS * 100)}%)`;
}

/** The same colour as `colorForKey`, as 0..255 RGB (for ImageData). */
export function rgbForKey(key: number): [number, number, number] {
  const h = hueForKey(key) / 30;
  const a = SATURATION * Math.min(LIGHTNESS, 1 - LIGHTNESS);
  const f = (n: number) => {
    const k = (n + h) % 12;
    return Math.round(255 * (LIGHTNESS - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}
