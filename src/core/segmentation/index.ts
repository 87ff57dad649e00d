/** Public surface of person segmentation. */
export { DEFAULT_SEGMENTER_CONFIG, SEGMENTATION_MODELS, SegmenterConfigError, validateSegmenterConfig } from './config.ts';
export type { SegmentationModelName, SegmenterConfig } from './config.ts';
export { Segmenter, loadSegmenter } from './segmenter.ts';
export type { SegmenterOptions } from './segmenter.ts';
export { cropMaskToBox, meanOf } from './boxMask.ts';
export type { BoxMask, PersonMask } from './types.ts';
export { decodeMaskRle, encodeMaskRle, withSourceSize } from './rle.ts';
export type { MaskRle } from './rle.ts';
export { MASK_SAMPLERS, sampleBilinear, sampleNearest, UPSAMPLE_METHODS } from './maskSample.ts';
export type { MaskGrid, UpsampleMethod } from './maskSample.ts';
export { maskOutline, outputStride, upsampleMask } from './upsample.ts';
export type { GridSize, MaskOutline } from './upsample.ts';
