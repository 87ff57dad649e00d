import type { BackendChoice, BackendSelection } from '../../core/backend/select';
import type { Detection, DetectorConfig, DetectorName } from '../../core/detection';
import type { AppearanceChoice, CadenceSetting, InputSizeSetting, PipelineTimings } from '../../core/pipeline';
import type { TrackOutput } from '../../core/tracking';
import type { CustomTrackLabel } from '../../core/classifier';
import type { ClassifierRequestMessage, ClassifierResponseMessage } from '../classifier/messages';

export interface TrackingOptions {
  /** Labels to track (e.g. ['person']); null tracks every class the detector knows. */
  classes: string[] | null;
  /** Camera frames per second the stream assumes (with the cadence and the detector's pace, it scales the tracker's time settings). */
  frameRate: number;
  /** Minimum camera frames per detection, or 'auto' (whenever the detector is free). */
  cadence: CadenceSetting;
  /** CenterNet input size, or 'auto' (chosen with the cadence from the tracked people's size). */
  inputSize: InputSizeSetting;
  /** Appearance embeddings for association ('off' = motion only). */
  appearance: AppearanceChoice;
  /** Run person segmentation on every n-th detected frame; 0 = no masks. */
  segmentEvery: number;
}

/** A person mask at model resolution, 0..255, with the source frame size it maps onto. */
export interface MaskFrame {
  width: number;
  height: number;
  data: Uint8Array;
  sourceWidth: number;
  sourceHeight: number;
}

/** Messages from the page to the pipeline worker. */
export type EngineRequest =
  | {
      type: 'init';
      backend: BackendChoice;
      detector: DetectorName;
      config: Partial<DetectorConfig>;
      tracking: TrackingOptions;
      modelBaseUrl: string;
      appBaseUrl: string;
    }
  | { type: 'detect'; id: number; frame: ImageBitmap; index: number }
  | { type: 'config'; config: Partial<DetectorConfig> }
  /** A new stream: forget every track; `frameRate` is the camera's (the tracker clock's rate) when it reports one. */
  | { type: 'reset'; frameRate?: number }
  /** Custom classifier commands (src/app/classifier/messages.ts). */
  | ClassifierRequestMessage
  /** Test hook: lose the WebGL context (WEBGL_lose_context) to exercise recovery. */
  | { type: 'loseGpuContext' };

export interface EngineReady {
  backend: BackendSelection;
  detector: DetectorName;
  /** Set when the requested detector could not load and another one is used. */
  warning?: string;
  warmupMs: number;
  /** Camera frames per tracker update the tracker's time settings assume. */
  trackerEvery: number;
}

export interface EngineResult {
  id: number;
  index: number;
  detections: Detection[];
  /** `customLabel`/`customScore` are set while a custom classifier is enabled. */
  tracks: (TrackOutput & CustomTrackLabel)[];
  /** Present on frames where segmentation ran; the page keeps the last one. */
  mask?: MaskFrame;
  timings: PipelineTimings & { segmentMs: number };
  /** The detector's square input size on this frame (null for detectors without the ladder). */
  inputSize: number | null;
  /** Camera frames per detection the input-size controller plans for the next detections. */
  plannedCadence: number | null;
  /** Frames per second of the tracker's clock: the camera's reported rate (see `resetTracks`). */
  frameRate: number;
  numTensors: number;
  /** `tf.memory().numBytes` in the worker after this frame. */
  numBytes: number;
}

/** Messages from the pipeline worker to the page. */
export type EngineResponse =
  | ({ type: 'ready' } & EngineReady)
  | ({ type: 'result' } & EngineResult)
  | { type: 'error'; id?: number; message: string }
  | ClassifierResponseMessage
  /** The backend became unusable (e.g. WebGL context lost); the page rebuilds the worker. */
  | { type: 'fault'; message: string };
