/**
 * One embedding per region, for the configured method. Pure tensor maths on
 * tensors the detector already has (its input batch and a feature map), so
 * a whole frame's boxes are embedded in one batched pass.
 */
import * as tf from '@tensorflow/tfjs';
import { colorHistogramEmbedding } from './colorHistogram.ts';
import type { EmbeddingConfig } from './config.ts';
import { pooledFeatureEmbedding } from './featurePooling.ts';

export interface RoiSources {
  /** The model input [1, H, W, 3], values 0..255 (histogram). */
  readonly image: tf.Tensor4D;
  /** The CenterNet feature map [1, h, w, C] (joint); unused by `histogram`. */
  readonly features?: tf.Tensor4D;
}

/** Embedding length for `config` given the feature map's channel count. */
export function embeddingDim(config: EmbeddingConfig, featureChannels: number): number {
  const joint = config.poolBands * featureChannels;
  const histogram = config.poolBands * 3 * config.histogramBins;
  if (config.method === 'joint') return joint;
  if (config.method === 'histogram') return histogram;
  return joint + histogram;
}

/** Whether `config` needs a CenterNet feature map. */
export function needsFeatures(config: EmbeddingConfig): boolean {
  return config.method !== 'histogram';
}

/** `rois` [N, 4] normalised [y1, x1, y2, x2] → unit-norm [N, D]. Call inside tf.tidy. */
export function embedRois(sources: RoiSources, rois: tf.Tensor2D, config: EmbeddingConfig): tf.Tensor2D {
  const histogram = () => colorHistogramEmbedding(sources.image, rois, config.histogramBins, config.poolBands);
  const joint = () => {
    if (!sources.features) throw new Error(`embedding method "${config.method}" needs a feature map`);
    return pooledFeatureEmbedding(sources.features, rois, config.roiGrid, config.poolBands);
  };
  if (config.method === 'histogram') return histogram();
  if (config.method === 'joint') return joint();
  // Unit parts scaled by √w and √(1−w): the result is unit-norm and its dot
  // product is w·joint + (1−w)·histogram.
  const w = config.fusionWeight;
  return tf.concat([tf.mul(joint(), Math.sqrt(w)), tf.mul(histogram(), Math.sqrt(1 - w))], 1) as tf.Tensor2D;
}
