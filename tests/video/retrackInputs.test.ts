/**
 * The Video view's re-track inputs in Node: the tracker settings it exposes
 * (defaults per detector, validation naming the bad value) and reading a
 * detection cache or a MOTChallenge det.txt against the processed video.
 */
import { describe, expect, it } from 'vitest';
import { readDetectionsFile, type RecordedVideo } from '../../src/app/engine/recordedVideo';
import { defaultTrackerSettings, trackerSettingsError } from '../../src/app/video/trackerSettings';
import { TRACKER_PRESETS, trackerPresetFor } from '../../src/core/pipeline';
import { cacheFromMotDetections, serializeDetectionCache } from '../../src/core/pipeline/detectionCache';
import { DEFAULT_TRACKER_CONFIG } from '../../src/core/tracking/config';
import type { VideoMetadata } from '../../src/browser/video';

const VIDEO = { fileName: 'walk.webm', width: 640, height: 480, frameRate: 10, frameCount: 4 };
const recorded: RecordedVideo = {
  file: new File([], VIDEO.fileName),
  metadata: { fileName: VIDEO.fileName, width: 640, height: 480, frameRate: { fps: 10 } } as VideoMetadata,
  timestampsUs: [0, 1e5, 2e5, 3e5],
  cache: cacheFromMotDetections([], VIDEO),
};
const text = (name: string, body: string) => new File([body], name);

describe('re-track inputs', () => {
  it("defaults are the detector's preset over the tracker defaults; det.txt gets the tracker defaults", () => {
    expect(trackerPresetFor('centernet')).toBe(TRACKER_PRESETS.centernet);
    expect(trackerPresetFor('det.txt')).toEqual({});
    expect(defaultTrackerSettings('centernet')).toEqual({
      maxAge: DEFAULT_TRACKER_CONFIG.maxAge,
      nInit: DEFAULT_TRACKER_CONFIG.nInit,
      highScoreThreshold: 0.4,
      lowScoreThreshold: 0.2,
      newTrackScoreThreshold: 0.45,
      motionWeight: DEFAULT_TRACKER_CONFIG.motionWeight,
    });
    expect(defaultTrackerSettings('det.txt').highScoreThreshold).toBe(DEFAULT_TRACKER_CONFIG.highScoreThreshold);
  });

  it('names the bad value', () => {
    expect(trackerSettingsError('centernet', defaultTrackerSettings('centernet'))).toBeNull();
    expect(trackerSettingsError('centernet', { ...defaultTrackerSettings('centernet'), maxAge: -1 })).toMatch(/maxAge.*-1/);
    expect(trackerSettingsError('centernet', { ...defaultTrackerSettings('centernet'), lowScoreThreshold: 0.9 })).toMatch(
      /lowScoreThreshold/,
    );
  });

  it('reads a cache or a det.txt for the video, and says why one does not fit', async () => {
    const cache = cacheFromMotDetections([{ frame: 2, id: -1, box: [1, 2, 3, 4], conf: 0.9 }], VIDEO);
    expect(await readDetectionsFile(text('dets.json', serializeDetectionCache(cache)), recorded)).toEqual(cache);
    const fromTxt = await readDetectionsFile(text('det.txt', '2,-1,1,2,3,4,0.9,-1,-1,-1\n'), recorded);
    expect(fromTxt.detector).toBe('det.txt');
    expect(fromTxt.frames[1].detections).toEqual([{ box: [1, 2, 3, 4], score: 0.9 }]);

    const wrongSize = serializeDetectionCache({ ...cache, video: { ...VIDEO, width: 320 } });
    await expect(readDetectionsFile(text('a.json', wrongSize), recorded)).rejects.toThrow(/320×480 frames, but walk.webm is 640×480/);
    const wrongLength = serializeDetectionCache({ ...cache, video: { ...VIDEO, frameCount: 9 } });
    await expect(readDetectionsFile(text('b.json', wrongLength), recorded)).rejects.toThrow(/covers 9 frames, but walk.webm has 4/);
    await expect(readDetectionsFile(text('c.txt', '50,-1,1,2,3,4,0.9,-1,-1,-1\n'), recorded)).rejects.toThrow(/frames 1–4/);
    await expect(readDetectionsFile(text('d.txt', 'hello'), recorded)).rejects.toThrow(/d\.txt/);
  });
});
