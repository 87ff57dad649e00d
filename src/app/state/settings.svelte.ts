import { BACKEND_CHOICES, parseBackendChoice, type BackendChoice } from '../../core/backend/select';
import { DEFAULT_DETECTOR_CONFIG, DETECTOR_NAMES, type DetectorName } from '../../core/detection';

const STORAGE_KEY = 'trackscope.settings.v1';

export interface SettingsSnapshot {
  backend: BackendChoice;
  detector: DetectorName;
  scoreThreshold: number;
  iouThreshold: number;
  maxDetections: number;
  showLabels: boolean;
  showScores: boolean;
}

export const DEFAULT_SETTINGS: SettingsSnapshot = {
  backend: 'auto',
  detector: 'centernet',
  scoreThreshold: DEFAULT_DETECTOR_CONFIG.scoreThreshold,
  iouThreshold: DEFAULT_DETECTOR_CONFIG.iouThreshold,
  maxDetections: DEFAULT_DETECTOR_CONFIG.maxDetections,
  showLabels: true,
  showScores: true,
};

function readStored(): Partial<SettingsSnapshot> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<SettingsSnapshot>;
  } catch {
    return {};
  }
}

/**
 * User settings: defaults, then localStorage, then URL parameters
 * (`?backend=wasm&detector=coco-ssd`), which win so a link reproduces a setup.
 */
export class SettingsState {
  backend = $state<BackendChoice>(DEFAULT_SETTINGS.backend);
  detector = $state<DetectorName>(DEFAULT_SETTINGS.detector);
  scoreThreshold = $state(DEFAULT_SETTINGS.scoreThreshold);
  iouThreshold = $state(DEFAULT_SETTINGS.iouThreshold);
  maxDetections = $state(DEFAULT_SETTINGS.maxDetections);
  showLabels = $state(DEFAULT_SETTINGS.showLabels);
  showScores = $state(DEFAULT_SETTINGS.showScores);
  /** Problems found while reading URL parameters, shown once to the user. */
  warnings = $state.raw<string[]>([]);

  constructor(search: string) {
    Object.assign(this, { ...DEFAULT_SETTINGS, ...readStored() });
    const params = new URLSearchParams(search);
    const warnings: string[] = [];
    try {
      if (params.has('backend')) this.backend = parseBackendChoice(params.get('backend'));
    } catch (e) {
      warnings.push(`${(e as Error).message}; using "${this.backend}". Allowed: ${BACKEND_CHOICES.join(', ')}.`);
    }
    const detector = params.get('detector');
    if (detector && (DETECTOR_NAMES as readonly string[]).includes(detector)) this.detector = detector as DetectorName;
    else if (detector) warnings.push(`detector "${detector}" is not one of ${DETECTOR_NAMES.join(', ')}; using "${this.detector}".`);
    this.warnings = warnings;
  }

  get detectorConfig() {
    return { scoreThreshold: this.scoreThreshold, iouThreshold: this.iouThreshold, maxDetections: this.maxDetections };
  }

  save(): void {
    const snapshot: SettingsSnapshot = {
      backend: this.backend,
      detector: this.detector,
      ...this.detectorConfig,
      showLabels: this.showLabels,
      showScores: this.showScores,
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Private mode or storage disabled: settings still apply for this visit.
    }
  }
}
