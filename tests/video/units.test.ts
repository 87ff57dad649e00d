// Pure-logic parts of src/browser/video (no browser needed): size policy, VFR rule,
// container sniffing, rotation sizes, error messages.
import { describe, expect, it } from 'vitest';
import {
  AudioOnlyError,
  CorruptVideoError,
  EmptyFileError,
  inferenceSize,
  InvalidSizeError,
  isVariableInterval,
  MAX_INFERENCE_LONG_SIDE,
  needsDownscale,
  NotAVideoError,
  sniffContainer,
  UnsupportedCodecError,
  uprightSize,
  VideoInputError,
  type DecodedFrame,
} from '../../src/browser/video';
import { classifyFrameRate } from '../../src/browser/video/frameRate';
import { toRotation } from '../../src/browser/video/rotation';

describe('downscale policy', () => {
  it('leaves 1080p alone and flags anything with a longer side above 1920', () => {
    expect(MAX_INFERENCE_LONG_SIDE).toBe(1920);
    expect(needsDownscale({ width: 1920, height: 1080 })).toBe(false);
    expect(needsDownscale({ width: 1080, height: 1920 })).toBe(false);
    expect(needsDownscale({ width: 4096, height: 2304 })).toBe(true);
    expect(inferenceSize({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
  });

  it('keeps the aspect ratio with even sides', () => {
    expect(inferenceSize({ width: 4096, height: 2304 })).toEqual({ width: 1920, height: 1080 });
    expect(inferenceSize({ width: 2160, height: 3840 })).toEqual({ width: 1080, height: 1920 });
    expect(inferenceSize({ width: 7680, height: 4320 }, 640)).toEqual({ width: 640, height: 360 });
    const odd = inferenceSize({ width: 3001, height: 1999 });
    expect((odd.width % 2) + (odd.height % 2)).toBe(0);
  });

  it('names the bad argument', () => {
    expect(() => inferenceSize({ width: 0, height: 10 })).toThrow(InvalidSizeError);
    expect(() => inferenceSize({ width: 10, height: 10 }, Number.NaN)).toThrow(/maxLongSide is NaN/);
  });
});

describe('variable frame rate rule', () => {
  it('treats WebM millisecond rounding (33/34 ms) as constant', () => {
    expect(isVariableInterval(33_000, 34_000, 33_333)).toBe(false);
    expect(isVariableInterval(16_000, 17_000, 16_667)).toBe(false);
  });

  it('flags real spread', () => {
    expect(isVariableInterval(100_000, 300_000, 100_000)).toBe(true);
    expect(isVariableInterval(33_000, 50_000, 33_333)).toBe(true);
  });

  it('does not call a two-frame clip variable', () => {
    const info = classifyFrameRate({ bestGuessFps: 10, medianFps: 10, minFps: 5, maxFps: 10, probedFrames: 2 });
    expect(info.isVariable).toBe(false);
  });
});

describe('container sniffing', () => {
  const bytes = (...v: (number | string)[]): Uint8Array =>
    Uint8Array.from(v.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

  it('recognises ISO BMFF and EBML signatures', () => {
    expect(sniffContainer(bytes(0, 0, 0, 32, 'ftypisom'))).toBe('isobmff');
    expect(sniffContainer(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f))).toBe('matroska');
    expect(sniffContainer(bytes(0x89, 'PNG', 13, 10, 26, 10))).toBe('unknown');
    expect(sniffContainer(new Uint8Array(0))).toBe('unknown');
  });
});

describe('rotation sizes', () => {
  it('swaps sides for quarter turns and normalises angles', () => {
    expect(uprightSize({ width: 768, height: 576 }, 90)).toEqual({ width: 576, height: 768 });
    expect(uprightSize({ width: 768, height: 576 }, 180)).toEqual({ width: 768, height: 576 });
    expect(toRotation(-90)).toBe(270);
    expect(toRotation(450)).toBe(90);
  });
});

describe('error classes', () => {
  it('are VideoInputErrors with a name and the context a caller needs', () => {
    const errors: VideoInputError[] = [
      new EmptyFileError('a.mp4'),
      new NotAVideoError('a.png', 'image/png'),
      new AudioOnlyError('a.m4a', 'MP4', 1),
      new UnsupportedCodecError('a.mp4', 'hev1.1.6.L90.90', 'MP4', 768, 576),
      new CorruptVideoError('a.mp4', 'decode', 77, 150, 'the file ends before its last frame'),
    ];
    expect(errors.map((e) => e.name)).toEqual([
      'EmptyFileError',
      'NotAVideoError',
      'AudioOnlyError',
      'UnsupportedCodecError',
      'CorruptVideoError',
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(VideoInputError);
      expect(e.message).toContain(e.fileName);
    }
    expect(errors[4].message).toMatch(/stopped after 77 of 150 frames/);
    expect(errors[3].message).toMatch(/hev1\.1\.6\.L90\.90.*cannot decode/);
  });

  it('keeps DecodedFrame read-only (type-level)', () => {
    const frame = { index: 0, timestampUs: 0 } as DecodedFrame;
    // @ts-expect-error index is readonly
    frame.index = 1;
    expect(true).toBe(true);
  });
});
