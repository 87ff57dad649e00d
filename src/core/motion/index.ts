/** Public surface of the between-detection motion step (median flow on pyramidal LK). */
export { DEFAULT_MOTION_CONFIG, validateMotionConfig } from './config.ts';
export type { MotionConfig } from './config.ts';
export { MotionConfigError } from './MotionConfigError.ts';
export { LUMA_WEIGHTS, planeToGray, rgbToGray, sampleBilinear } from './grayImage.ts';
export type { GrayImage, PixelPlane } from './grayImage.ts';
export { buildPyramid, levelsAtScale, pyrDown } from './pyramid.ts';
export { GrayBuffers } from './grayBuffers.ts';
export type { Pyramid } from './pyramid.ts';
export { trackPoints } from './lucasKanade.ts';
export type { LucasKanadeOptions } from './lucasKanade.ts';
export { medianFlowBox } from './medianFlow.ts';
export type { BoxMotion } from './medianFlow.ts';
export { MotionMeasurer } from './motionMeasurer.ts';
export type { MotionMeasurement, MotionTarget } from './motionMeasurer.ts';
