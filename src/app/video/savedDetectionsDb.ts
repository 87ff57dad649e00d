/**
 * Detection caches kept in IndexedDB, so an upload picked again (after a
 * reload, or another day) re-tracks without the detector. Plain TS on the
 * IndexedDB API: the video worker writes and reads caches, the page lists
 * and deletes them.
 *
 * Two stores share one key: `entries` (small facts, listed without reading
 * any cache) and `caches` (the cache as the CLI's `--save-detections` JSON in
 * a Blob, and each frame's timestamp). The key is the file's identity (name,
 * size, last-modified time) and the settings that decide which detections a
 * run makes (detector, cadence). The video's duration, size and frame count
 * are only known once it is opened, so they are stored and checked when a
 * cache is restored (`restoreMismatch`). How the run was made (`RunFacts`:
 * backend, detector, inference size) is kept too, so the Video view's
 * metadata list after a restore shows what it showed after the run.
 */
import type { BackendSelection } from '../../core/backend/select';
import type { DetectorName } from '../../core/detection';
import type { Size } from '../../browser/video';

export const SAVED_DETECTIONS_DB = 'trackscope-detections';
const DB_VERSION = 1;
const ENTRIES = 'entries';
const CACHES = 'caches';

/** What decides a run's detections, besides the file. */
export interface DetectionSettings {
  readonly detector: string;
  /** Detect on every k-th frame. */
  readonly every: number;
}

/** How a run processed its video: what the Video view's metadata list shows besides the video's own facts. */
export interface RunFacts {
  /** Size frames are scaled to before detection (equals the source size unless it is very large). */
  readonly inference: Size;
  readonly backend: BackendSelection;
  /** The detector that ran (a fallback from the one asked for, when that one could not load). */
  readonly detector: DetectorName;
  /** Why the detector asked for did not run, when it did not. */
  readonly warning?: string;
}

export interface SavedDetectionsEntry extends DetectionSettings {
  readonly key: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly lastModified: number;
  readonly durationUs: number;
  readonly width: number;
  readonly height: number;
  /** Frames of the video, and frames the detector ran on. */
  readonly frames: number;
  readonly detectedFrames: number;
  /** TF.js backend the detector ran on. */
  readonly backend: string;
  /** How the run was made; absent from entries saved before it was kept (their restore shows no metadata list). */
  readonly run?: RunFacts;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
  /** Size of the stored cache (its JSON). */
  readonly bytes: number;
}

export interface SavedCache {
  readonly key: string;
  /** The cache as `serializeDetectionCache` writes it. */
  readonly json: Blob;
  readonly timestampsUs: readonly number[];
}

type FileIdentity = Pick<File, 'name' | 'size' | 'lastModified'>;

export function savedDetectionsKey(file: FileIdentity, settings: DetectionSettings): string {
  return JSON.stringify([file.name, file.size, file.lastModified, settings.detector, settings.every]);
}

/** Why a saved cache does not fit the opened video, or null when it does. */
export function restoreMismatch(entry: SavedDetectionsEntry, video: { durationUs: number; width: number; height: number }): string | null {
  if (entry.width !== video.width || entry.height !== video.height) {
    return `the saved detections are for ${entry.width}×${entry.height} frames, but this file is ${video.width}×${video.height}`;
  }
  if (entry.durationUs !== video.durationUs) {
    return `the saved detections are for a ${entry.durationUs / 1e6} s video, but this file lasts ${video.durationUs / 1e6} s`;
  }
  return null;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
  });

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available in this browser'));
  const request = indexedDB.open(SAVED_DETECTIONS_DB, DB_VERSION);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(ENTRIES, { keyPath: 'key' });
    request.result.createObjectStore(CACHES, { keyPath: 'key' });
  };
  return done(request);
}

/** Runs `work` in one transaction over both stores and resolves when it commits. */
async function inTransaction<T>(
  mode: IDBTransactionMode,
  work: (entries: IDBObjectStore, caches: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction([ENTRIES, CACHES], mode);
    const [result] = await Promise.all([work(tx.objectStore(ENTRIES), tx.objectStore(CACHES)), committed(tx)]);
    return result;
  } finally {
    db.close();
  }
}

/** Stores (or replaces) a cache; rejects with the browser's error (e.g. QuotaExceededError). */
export function saveDetections(entry: SavedDetectionsEntry, cache: SavedCache): Promise<void> {
  return inTransaction('readwrite', async (entries, caches) => {
    await Promise.all([done(entries.put(entry)), done(caches.put(cache))]);
  });
}

/** Every saved entry, newest first. */
export function listSavedDetections(): Promise<SavedDetectionsEntry[]> {
  return inTransaction('readonly', async (entries) => {
    const all = (await done(entries.getAll())) as SavedDetectionsEntry[];
    return all.sort((a, b) => b.savedAt - a.savedAt);
  });
}

export function loadSavedDetections(key: string): Promise<{ entry: SavedDetectionsEntry; cache: SavedCache } | null> {
  return inTransaction('readonly', async (entries, caches) => {
    const [entry, cache] = await Promise.all([done(entries.get(key)), done(caches.get(key))]);
    return entry && cache ? { entry: entry as SavedDetectionsEntry, cache: cache as SavedCache } : null;
  });
}

/** Deletes one saved cache, or all of them when `key` is absent. */
export function deleteSavedDetections(key?: string): Promise<void> {
  return inTransaction('readwrite', async (entries, caches) => {
    if (key === undefined) await Promise.all([done(entries.clear()), done(caches.clear())]);
    else await Promise.all([done(entries.delete(key)), done(caches.delete(key))]);
  });
}
