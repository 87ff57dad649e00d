import { describeStorageError } from '../../core/training/storageErrors';
import {
  deleteSavedDetections,
  listSavedDetections,
  savedDetectionsKey,
  type DetectionSettings,
  type SavedDetectionsEntry,
} from './savedDetectionsDb';

/**
 * Detection caches saved in this browser (IndexedDB, `savedDetectionsDb.ts`),
 * as the Video view lists them, and the offer to re-track a chosen file from
 * its saved cache instead of running the detector again. The video worker
 * writes the caches; this class lists and deletes them. Storage failures
 * become a message; the view keeps working without saved caches.
 */
export class SavedDetections {
  entries = $state.raw<SavedDetectionsEntry[]>([]);
  error = $state<string | null>(null);
  /** A chosen file that has saved detections: re-track from them, or run the detector again. */
  offer = $state.raw<{ file: File; entry: SavedDetectionsEntry } | null>(null);
  /** The file whose saved detections are being looked up (a moment, before its run starts or the offer shows). */
  checking = $state<string | null>(null);
  readonly totalBytes = $derived(this.entries.reduce((sum, e) => sum + e.bytes, 0));

  async refresh(): Promise<void> {
    try {
      this.entries = await listSavedDetections();
    } catch (e) {
      this.error = describeStorageError('Listing the saved detections', e);
    }
  }

  /** The saved cache of `file` made with `settings`, read afresh from IndexedDB (another tab may have changed it). */
  async lookup(file: File, settings: DetectionSettings): Promise<SavedDetectionsEntry | undefined> {
    this.checking = file.name;
    try {
      await this.refresh();
    } finally {
      this.checking = null;
    }
    const key = savedDetectionsKey(file, settings);
    return this.entries.find((e) => e.key === key);
  }

  /** Deletes one saved cache, or every one when `key` is absent. */
  async remove(key?: string): Promise<void> {
    this.error = null;
    try {
      await deleteSavedDetections(key);
      if (this.offer && (key === undefined || this.offer.entry.key === key)) this.offer = null;
    } catch (e) {
      this.error = describeStorageError('Deleting saved detections', e);
    }
    await this.refresh();
  }
}
