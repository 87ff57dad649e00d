/** Detector by name, with typed load errors and a CenterNet fallback for the UI. */
import type { LoadModelOptions } from '../models/registry';
import type { ModelSource } from '../models/source';
import { loadCenterNet } from './centernet';
import type { CenterNetInputSize } from './centernetSizes';
import { COCO_SSD_DEFAULT_URL, loadCocoSsd, type CocoSsdOptions } from './cocoSsd';
import { COCO80_LABELS } from './cocoLabels';
import { DETECTOR_NAMES, validateDetectorConfig, type DetectorConfig, type DetectorName } from './config';
import { ModelLoadError } from './ModelLoadError';
import type { Detector } from './types';

export interface LoadDetectorOptions extends Partial<DetectorConfig>, LoadModelOptions {
  /** The models folder for CenterNet: served base URL ('/models/') or a ModelSource (Node). */
  readonly models: string | ModelSource;
  /** CenterNet's square input size from the ladder (default 512); coco-ssd ignores it. */
  readonly inputSize?: CenterNetInputSize;
  /** coco-ssd location options (baseUrl, modelUrl, fetch). */
  readonly cocoSsd?: Pick<CocoSsdOptions, 'baseUrl' | 'modelUrl' | 'fetch'>;
}

export interface DetectorWithWarning {
  readonly detector: Detector;
  /** Set when the requested detector failed and CenterNet was loaded instead. */
  readonly warning?: string;
}

function location(name: DetectorName, options: LoadDetectorOptions): string {
  if (name === 'coco-ssd') return options.cocoSsd?.modelUrl ?? options.cocoSsd?.baseUrl ?? COCO_SSD_DEFAULT_URL;
  return typeof options.models === 'string' ? options.models : options.models.describe('');
}

/**
 * Loads and warms up a detector. Config errors are thrown first, as they are
 * (RangeError/TypeError naming the bad value); any failure after that becomes
 * a ModelLoadError naming the detector, with the original error as `cause`.
 */
export async function loadDetector(name: DetectorName, options: LoadDetectorOptions): Promise<Detector> {
  if (!DETECTOR_NAMES.includes(name)) {
    throw new RangeError(`detector is ${JSON.stringify(name)}; allowed: ${DETECTOR_NAMES.join(', ')}`);
  }
  const { models, cocoSsd, manifest, integrity, inputSize, ...config } = options;
  validateDetectorConfig(config, COCO80_LABELS); // both detectors use COCO-80 labels
  try {
    return name === 'centernet'
      ? await loadCenterNet({ source: models, manifest, integrity, inputSize, ...config })
      : await loadCocoSsd({ ...cocoSsd, ...config });
  } catch (error) {
    throw new ModelLoadError(name, location(name, options), { cause: error });
  }
}

/** Like loadDetector, but a failed coco-ssd load falls back to CenterNet with a warning. */
export async function loadDetectorWithFallback(name: DetectorName, options: LoadDetectorOptions): Promise<DetectorWithWarning> {
  try {
    return { detector: await loadDetector(name, options) };
  } catch (error) {
    if (name === 'centernet' || !(error instanceof ModelLoadError)) throw error;
    const detector = await loadDetector('centernet', options);
    return { detector, warning: `${error.message}. Using CenterNet instead.` };
  }
}
