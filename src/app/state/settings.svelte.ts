import { BACKEND_CHOICES, parseBackendChoice, type BackendChoice } from '../../core/backend/select';
import { DEFAULT_DETECTOR_CONFIG, DETECTOR_NAMES, type DetectorName } from '../../core/detection';
import { DEFAULT_TRACKED_CLASSES, TRACKER_PRESETS } from '../../core/pipeline/presets';
import { DEFAULT_APPEARANCE, type AppearanceChoice } from '../../core/pipeline/loadStreamDetector';

const STORAGE_KEY = 'trackscope.settings.v1';
/** Camera frame rate the live stream assumes: what webcams deliver by default (the browser's getUserMedia default is 30). */
const LIVE_FRAME_RATE = 30;

export interface SettingsSnapshot {
  backend: BackendChoice;
  detector: DetectorName;
  scoreThreshold: number;
  iouThreshold: number;
  maxDetections: number;
  showBoxes: boolean;
  showLabels: boolean;
  showScores: boolean;
  showTrails: boolean;
  /** Track every class the detector knows instead of people only. */
  trackAllClasses: boolean;
  /** Minimum camera frames per detection; 'auto' detects whenever the worker is free. */
  cadence: 'auto' | number;
  appearance: AppearanceChoice;
  showMasks: boolean;
  maskOpacity: number;
  /** Segment every n-th detected frame (masks are slower than boxes); 0 = off. */
  segmentEvery: number;
}

export const DEFAULT_SETTINGS: SettingsSnapshot = {
  backend: 'auto',
  detector: 'centernet',
  // The tracker's low-score (ByteTrack) pass needs the weak boxes too.
  scoreThreshold: TRACKER_PRESETS.centernet.lowScoreThreshold ?? DEFAULT_DETECTOR_CONFIG.scoreThreshold,
  iouThreshold: DEFAULT_DETECTOR_CONFIG.iouThreshold,
  maxDetections: DEFAULT_DETECTOR_CONFIG.maxDetections,
  showBoxes: true,
  showLabels: true,
  showScores: true,
  showTrails: true,
  trackAllClasses: false,
  cadence: 'auto',
  appearance: DEFAULT_APPEARANCE,
  showMasks: true,
  maskOpacity: 0.45,
  segmentEvery: 3,
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
  showBoxes = $state(DEFAULT_SETTINGS.showBoxes);
  showLabels = $state(DEFAULT_SETTINGS.showLabels);
  showScores = $state(DEFAULT_SETTINGS.showScores);
  showTrails = $state(DEFAULT_SETTINGS.showTrails);
  trackAllClasses = $state(DEFAULT_SETTINGS.trackAllClasses);
  cadence = $state<'auto' | number>(DEFAULT_SETTINGS.cadence);
  appearance = $state<AppearanceChoice>(DEFAULT_SETTINGS.appearance);
  showMasks = $state(DEFAULT_SETTINGS.showMasks);
  maskOpacity = $state(DEFAULT_SETTINGS.maskOpacity);
  segmentEvery = $state(DEFAULT_SETTINGS.segmentEvery);
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

  get overlay() {
    return {
      showBoxes: this.showBoxes,
      showLabels: this.showLabels,
      showScores: this.showScores,
      showTrails: this.showTrails,
      showMasks: this.showMasks,
      maskOpacity: this.maskOpacity,
    };
  }

  get tracking() {
    return {
      classes: this.trackAllClasses ? null : [...DEFAULT_TRACKED_CLASSES],
      frameRate: LIVE_FRAME_RATE,
      cadence: this.cadence,
      appearance: this.appearance,
      segmentEvery: this.segmentEvery,
    };
  }

  get detectorConfig() {
    return { scoreThreshold: this.scoreThreshold, iouThreshold: this.iouThreshold, maxDetections: this.maxDetections };
  }

  save(): void {
    const snapshot: SettingsSnapshot = {
      backend: this.backend,
      detector: this.detector,
      ...this.detectorConfig,
      showBoxes: this.showBoxes,
      showLabels: this.showLabels,
      showScores: this.showScores,
      showTrails: this.showTrails,
      trackAllClasses: this.trackAllClasses,
      cadence: this.cadence,
      appearance: this.appearance,
      showMasks: this.showMasks,
      maskOpacity: this.maskOpacity,
      segmentEvery: this.segmentEvery,
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
    } catch {
      // Private mode or storage disabled: settings still apply for this visit.
    }
  }
}
