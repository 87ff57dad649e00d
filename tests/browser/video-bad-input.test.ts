/**
 * Bad uploads in the Video view: each shows a message naming the problem,
 * the app stays usable, and the results on screen (from an earlier good
 * run) survive until a new run succeeds. Unusual but valid files (rotation,
 * VFR, very large frames) are processed, with a flag saying so.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clips, derivedFile, ffmpegClip, VTEST } from '../../dev/video/clips';
import { useVideoApp } from '../helpers/videoApp.ts';

const short = (name: string, extra: string[]) => ffmpegClip(name, ['-i', VTEST, '-an', '-frames:v', '8', ...extra]);
const good = () => short('vtest-8-vp8-small.webm', ['-vf', 'scale=384:288', '-c:v', 'libvpx', '-b:v', '400k']);
/** Rotation is a display-matrix flag: set by a stream copy (ffmpeg ignores it while encoding). */
const rotated = () =>
  ffmpegClip('vtest-8-rot90.mp4', [
    '-i',
    short('vtest-8.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']),
    '-c',
    'copy',
    '-metadata:s:v:0',
    'rotate=90',
  ]);
const truncatedWebm = () => {
  const full = ffmpegClip('vtest-30-vp9-small.webm', [
    '-i',
    VTEST,
    '-an',
    '-frames:v',
    '30',
    '-vf',
    'scale=384:288',
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '400k',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
  ]);
  return derivedFile('vtest-30-vp9-small-cut.webm', () => readFileSync(full).subarray(0, Math.floor(readFileSync(full).length * 0.6)));
};

describe('Video view: bad input keeps earlier results', () => {
  const app = useVideoApp('&backend=wasm&saveDetections=false');
  const shownFile = () => app.page.getByTestId('video-results').getAttribute('data-file');
  const error = () => app.page.getByTestId('video-error');

  beforeAll(async () => {
    // Nothing kept in IndexedDB (saveDetections=false): choosing the rotated clip a second time must process it again, not offer its saved detections.
    await app.process(good());
    expect(await shownFile()).toBe('vtest-8-vp8-small.webm');
  });

  const cases: Array<[string, () => string, string, RegExp]> = [
    ['a text file named .mp4', clips.text, 'NotAVideoError', /notes\.mp4.*not a video|not a video.*notes\.mp4/i],
    ['a PNG image', clips.png, 'NotAVideoError', /coffee\.png/],
    ['a zero-byte file', clips.empty, 'EmptyFileError', /empty\.mp4.*empty|empty.*empty\.mp4/i],
    ['audio only', clips.audioOnly, 'AudioOnlyError', /audio/i],
    ['an unsupported codec (MPEG-4 Part 2)', clips.mpeg4Part2, 'UnsupportedCodecError', /codec|not supported|cannot be decoded/i],
    ['an MP4 cut before its index', clips.truncatedNoIndex, 'CorruptVideoError', /damaged or incomplete/],
    ['a WebM cut short (fails after some frames)', truncatedWebm, 'CorruptVideoError', /decoding stopped after \d+ frames/],
  ];

  for (const [what, make, name, message] of cases) {
    it(`${what} → ${name}, message shown, earlier results kept`, async () => {
      await app.process(make());
      await expect.poll(() => error().count()).toBe(1);
      expect(await error().getAttribute('data-error-name')).toBe(name);
      expect(await error().textContent()).toMatch(message);
      expect(await shownFile()).toBe('vtest-8-vp8-small.webm');
      expect(await app.page.getByTestId('video-file').isEnabled()).toBe(true);
    });
  }

  const flagged: Array<[string, () => string, RegExp]> = [
    ['rotated a quarter turn in the container', rotated, /Rotated (90|270)°/],
    [
      'variable frame rate',
      () =>
        ffmpegClip('vtest-12-vfr.mp4', [
          '-i',
          VTEST,
          '-an',
          '-frames:v',
          '12',
          '-vf',
          'settb=1/1000,setpts=(N+floor(N/3)*1.5)*100',
          '-fps_mode',
          'passthrough',
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-pix_fmt',
          'yuv420p',
        ]),
      /Variable frame rate/,
    ],
    ['very large frames (4096x2304)', clips.huge, /Large frames \(4096×2304\): detection runs on 1920×1080/],
  ];

  for (const [what, make, flag] of flagged) {
    it(`${what}: processed, with a flag; the new results replace the old`, async () => {
      const path = make();
      await app.process(path);
      expect(await error().count()).toBe(0);
      expect(await app.page.getByTestId('video-flag').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(flag)]));
      expect(await shownFile()).toBe(path.split('/').pop());
    });
  }

  it('rotated video: results use the upright size', async () => {
    await app.process(rotated());
    expect(await app.page.getByTestId('meta-resolution').textContent()).toBe('576×768');
  });

  it('clearing removes the results; the page never threw', async () => {
    await app.page.getByTestId('video-clear').click();
    expect(await app.page.getByTestId('video-results').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
