/**
 * Result exports: MOTChallenge text (via the metrics module's `formatMot`)
 * and JSON with classes and scores. Both are framework-free and run in Node;
 * the annotated WebM (needs WebCodecs) is `src/browser/export/annotatedWebm.ts`.
 */
export { formatMot as toMotText } from '../metrics/motFormat.ts';
export { buildJsonExport, type JsonExport, type JsonExportInput, type JsonExportObject, type TrackClass } from './jsonExport.ts';
