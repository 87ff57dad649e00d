/** Saved detection caches (IndexedDB, exercised in tests/browser/video-saved.test.ts): the key and the restore check. */
import { describe, expect, it } from 'vitest';
import { restoreMismatch, savedDetectionsKey, type SavedDetectionsEntry } from '../../src/app/video/savedDetectionsDb.ts';

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
});
