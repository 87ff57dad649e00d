/** Saved detection caches (IndexedDB, exercised in tests/browser/video-saved.test.ts): the key, the restore check and the restored metadata list. */
import { describe, expect, it } from 'vitest';
import type { VideoMetadata } from '../../src/browser/video';
import { restoreMismatch, savedDetectionsKey, type RunFacts, type SavedDetectionsEntry } from '../../src/app/video/savedDetectionsDb.ts';
import { savedOpenedInfo } from '../../src/app/video/savedOpenedInfo.ts';

const file = { name: 'walk.mp4', size: 1_000_000, lastModified: 1_700_000_000_000 };

describe('saved detections', () => {
  it('keys a cache by the file and the settings that decide its detections', () => {
    const key = savedDetectionsKey(file, { detector: 'centernet', every: 1 });
    expect(savedDetectionsKey({ ...file }, { detector: 'centernet', every: 1 })).toBe(key);
    for (const other of [
      savedDetectionsKey({ ...file, name: 'walk2.mp4' }, { detector: 'centernet', every: 1 }),
      savedDetectionsKey({ ...file, size: file.size + 1 }, { detector: 'centernet', every: 1 }),
      savedDetectionsKey({ ...file, lastModified: file.lastModified + 1 }, { detector: 'centernet', every: 1 }),
      savedDetectionsKey(file, { detector: 'coco-ssd', every: 1 }),
      savedDetectionsKey(file, { detector: 'centernet', every: 2 }),
    ])
      expect(other).not.toBe(key);
  });

  it('restores only onto a video of the saved size and duration, naming what differs', () => {
    const entry = { width: 768, height: 576, durationUs: 4_000_000 } as SavedDetectionsEntry;
    expect(restoreMismatch(entry, { width: 768, height: 576, durationUs: 4_000_000 })).toBeNull();
    expect(restoreMismatch(entry, { width: 640, height: 480, durationUs: 4_000_000 })).toBe(
      'the saved detections are for 768×576 frames, but this file is 640×480',
    );
    expect(restoreMismatch(entry, { width: 768, height: 576, durationUs: 5_000_000 })).toBe(
      'the saved detections are for a 4 s video, but this file lasts 5 s',
    );
  });

  it("a restore's metadata list has the saved run's backend, detector and inference size, and the exact frame count", () => {
    const run: RunFacts = {
      inference: { width: 960, height: 540 },
      backend: { name: 'wasm', renderer: 'WASM (SIMD)', software: false, override: true, attempts: [] },
      detector: 'centernet',
      warning: 'coco-ssd could not load; using CenterNet',
    };
    const entry = { frames: 40, run } as unknown as SavedDetectionsEntry;
    const metadata = { fileName: 'walk.webm', width: 1920, height: 1080, frameCount: null } as VideoMetadata;
    expect(savedOpenedInfo(entry, metadata)).toEqual({ ...run, metadata, expectedFrames: 40, expectedIsEstimate: false });
    // An entry saved before the run's facts were kept has no list to show.
    expect(savedOpenedInfo({ ...entry, run: undefined }, metadata)).toBeNull();
  });
});
