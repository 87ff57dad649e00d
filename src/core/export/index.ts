/**
 * Result exports: MOTChallenge text (via the metrics module's `formatMot`),
 * JSON with classes and scores, and an annotated WebM (browser only: needs
 * WebCodecs). The MOT and JSON builders are framework-free and run in Node.
 */
export { formatMot as toMotText } from '../metrics/motFormat.ts';
export { buildJsonExport, type JsonExport, type JsonExportInput, type JsonExportObject, type TrackClass } from './jsonExport.ts';
export { encodeAnnotatedWebm, type AnnotatedWebmOptions, type DrawFrame } from './annotatedWebm.ts';
