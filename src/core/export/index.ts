/**
 * Result exports: MOTChallenge text (via the metrics module's `formatMot`),
 * the versioned JSON (classes, scores, COCO RLE masks) and a CSV of tracks.
 * All are framework-free and run in Node; `ResultsCollector` builds them for
 * the app and the CLI. The annotated WebM (needs WebCodecs) is
 * `src/browser/export/annotatedWebm.ts`.
 */
export { formatMot as toMotText } from '../metrics/motFormat.ts';
export { buildJsonExport, serializeResults } from './jsonExport.ts';
export type {
  JsonExportInput,
  ResultsFrame,
  ResultsObject,
  ResultsSettings,
  ResultsTrack,
  ResultsVideo,
  TrackClass,
  TrackscopeResults,
} from './jsonExport.ts';
export { decodeCocoRle, encodeCocoRle, type CocoRle } from './cocoRle.ts';
export { maskToCocoRle } from './maskToCoco.ts';
export { formatTracksCsv, TRACKS_CSV_HEADER } from './csvExport.ts';
export { ResultsCollector, type CollectedFrame } from './resultsCollector.ts';
