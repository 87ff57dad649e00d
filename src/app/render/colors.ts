/** Stable, well-separated colour for an integer key (class id or track id). */
export function colorForKey(key: number): string {
  // Golden-angle hue steps keep neighbouring keys visually distinct.
  const hue = (Math.abs(key) * 137.508) % 360;
  return `hsl(${hue.toFixed(1)} 85% 55%)`;
}
