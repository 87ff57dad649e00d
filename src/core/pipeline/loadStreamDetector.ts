import { loadDetectorWithFallback, type LoadDetectorOptions } from '../detection/factory.ts';
import type { DetectorName } from '../detection/config.ts';
import type { Detector } from '../detection/types.ts';
import { loadJointCenterNet } from '../embedding/jointCenterNet.ts';
import type { AccuracyConfig } from '../detection/accuracyConfig.ts';
import { MultiViewDetector } from './multiViewDetector.ts';
import { DEFAULT_APPEARANCE, type AppearanceChoice } from './appearanceChoice.ts';

// The choices live in a module of their own, without TF.js, for argument parsing and settings.
export { APPEARANCE_CHOICES, DEFAULT_APPEARANCE, type AppearanceChoice } from './appearanceChoice.ts';

export interface StreamDetectorOptions extends LoadDetectorOptions {
  readonly appearance?: AppearanceChoice;
  /** Accuracy mode (several views per frame, merged; `MultiViewDetector`): its settings, or null / absent for off. */
  readonly accuracy?: Partial<AccuracyConfig> | null;
}

/**
 * The detector for a tracking stream. With CenterNet and appearance on, one
 * network run yields boxes and embeddings (joint detection and embedding);
 * otherwise the plain detector (coco-ssd has no backbone features to share, and
 * falls back to CenterNet when it cannot load). With `accuracy`, that
 * detector runs on several views of each frame (`MultiViewDetector`).
 */
export async function loadStreamDetector(
  name: DetectorName,
  options: StreamDetectorOptions,
): Promise<{ detector: Detector; warning?: string }> {
  const { accuracy, ...rest } = options;
  const loaded = await loadSingleViewDetector(name, rest);
  return accuracy ? { ...loaded, detector: new MultiViewDetector(loaded.detector, accuracy) } : loaded;
}

async function loadSingleViewDetector(
  name: DetectorName,
  options: Omit<StreamDetectorOptions, 'accuracy'>,
): Promise<{ detector: Detector; warning?: string }> {
  const { appearance = DEFAULT_APPEARANCE, ...rest } = options;
  if (name !== 'centernet' || appearance === 'off') return loadDetectorWithFallback(name, rest);
  const { models, cocoSsd: _coco, ...config } = rest;
  return { detector: await loadJointCenterNet({ source: models, embedding: { method: appearance }, ...config }) };
}
