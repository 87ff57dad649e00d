import type { BackendChoice, BackendSelection } from '../../core/backend/select';
import type { Detection, StageTimings } from '../../core/detection/types';
import type { DetectorConfig, DetectorName } from '../../core/detection';

/** Messages from the page to the detection worker. */
export type EngineRequest =
  | { type: 'init'; backend: BackendChoice; detector: DetectorName; config: Partial<DetectorConfig>; modelBaseUrl: string; appBaseUrl: string }
  | { type: 'detect'; id: number; frame: ImageBitmap }
  | { type: 'config'; config: Partial<DetectorConfig> };

export interface EngineReady {
  backend: BackendSelection;
  detector: DetectorName;
  /** Set when the requested detector could not load and another one is used. */
  warning?: string;
  warmupMs: number;
}

export interface EngineResult {
  id: number;
  detections: Detection[];
  timings: StageTimings;
  numTensors: number;
}

/** Messages from the detection worker to the page. */
export type EngineResponse =
  | ({ type: 'ready' } & EngineReady)
  | ({ type: 'result' } & EngineResult)
  | { type: 'error'; id?: number; message: string };
