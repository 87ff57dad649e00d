import { describe, expect, it } from 'vitest';
import { colorForKey, rgbForKey } from '../../src/app/render/colors';

describe('track colours', () => {
  it('gives the CSS and RGB forms of the same colour', () => {
    expect(colorForKey(0)).toBe('hsl(0.0 85% 55%)');
    expect(rgbForKey(0)).toEqual([238, 43, 43]); // hsl(0, 85%, 55%)
    expect(colorForKey(1)).toBe('hsl(137.5 85% 55%)');
    expect(rgbForKey(1)).toEqual([43, 238, 100]); // hsl(137.5, 85%, 55%) by the CSS Color 4 formula
  });
  it('is stable and distinct for neighbouring ids', () => {
    expect(rgbForKey(7)).toEqual(rgbForKey(7));
    expect(rgbForKey(7)).not.toEqual(rgbForKey(8));
  });
});
