import { describe, expect, it } from 'vitest';
import { AccuracyConfigError, validateAccuracyConfig, DEFAULT_ACCURACY_CONFIG } from '../../src/core/detection/accuracyConfig';
import { cutByView, frameViews, viewBoxToFrame } from '../../src/core/detection/views';

describe('frameViews', () => {
  it('gives the full frame, 2 × 2 tiles sharing a quarter, then the mirror (768x576)', () => {
    // Tile 768 / 1.75 = 438.86 → 439 wide, 576 / 1.75 = 329.14 → 329 high; the second tile ends flush with the frame.
    expect(frameViews(768, 576, { tiles: 2, overlap: 0.25, flip: true })).toEqual([
      { x: 0, y: 0, width: 768, height: 576, flip: false },
      { x: 0, y: 0, width: 439, height: 329, flip: false },
      { x: 329, y: 0, width: 439, height: 329, flip: false },
      { x: 0, y: 247, width: 439, height: 329, flip: false },
      { x: 329, y: 247, width: 439, height: 329, flip: false },
      { x: 0, y: 0, width: 768, height: 576, flip: true },
    ]);
  });

  it('gives the full frame alone with one tile and no flip; 3 × 3 tiles without overlap cover the frame exactly', () => {
    expect(frameViews(100, 50, { tiles: 1, overlap: 0.25, flip: false })).toEqual([{ x: 0, y: 0, width: 100, height: 50, flip: false }]);
    const xs = frameViews(300, 90, { tiles: 3, overlap: 0, flip: false }).slice(1, 4);
    expect(xs.map((v) => [v.x, v.width])).toEqual([
      [0, 100],
      [100, 100],
      [200, 100],
    ]);
  });
});

describe('viewBoxToFrame', () => {
  it('shifts a tile box by the tile offset and mirrors a flipped box', () => {
    expect(viewBoxToFrame([10, 20, 30, 40], { x: 329, y: 247, width: 439, height: 329, flip: false })).toEqual([339, 267, 30, 40]);
    // Mirrored in a 768-wide frame: left = 768 - 10 - 30 = 728.
    expect(viewBoxToFrame([10, 20, 30, 40], { x: 0, y: 0, width: 768, height: 576, flip: true })).toEqual([728, 20, 30, 40]);
  });
});

describe('cutByView', () => {
  const tile = { x: 329, y: 0, width: 439, height: 329, flip: false };
  it('flags boxes at a tile edge inside the frame, not at the frame border', () => {
    expect(cutByView([330, 50, 20, 60], tile, 768, 576, 2)).toBe(true); // left edge is inside the frame
    expect(cutByView([400, 280, 20, 48], tile, 768, 576, 2)).toBe(true); // bottom 328 ≥ 329 - 2
    expect(cutByView([740, 0, 28, 60], tile, 768, 576, 2)).toBe(false); // right and top edges are the frame's
    expect(cutByView([400, 50, 20, 60], tile, 768, 576, 2)).toBe(false);
    expect(cutByView([0, 0, 768, 576], { x: 0, y: 0, width: 768, height: 576, flip: false }, 768, 576, 2)).toBe(false);
  });
});

describe('validateAccuracyConfig', () => {
  it('fills defaults and rejects bad values by name', () => {
    expect(validateAccuracyConfig()).toEqual(DEFAULT_ACCURACY_CONFIG);
    expect(validateAccuracyConfig({ tiles: 1 }).tiles).toBe(1);
    expect(() => validateAccuracyConfig({ tiles: 2.5 })).toThrow(new AccuracyConfigError('tiles', 2.5, 'an integer in [1, 4]'));
    expect(() => validateAccuracyConfig({ overlap: 0.9 })).toThrow(/overlap is 0.9; expected a number in \[0, 0.5\]/);
    expect(() => validateAccuracyConfig({ fusion: 'sum' as 'max' })).toThrow(/fusion is "sum"; expected one of max, mean/);
    expect(() => validateAccuracyConfig({ tile: 2 } as object)).toThrow(AccuracyConfigError);
  });
});
