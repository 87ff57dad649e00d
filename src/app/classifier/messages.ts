/** Page ↔ worker messages of the custom classifier (part of the engine protocol). */
import type { ClassifierConfig, ClassifierStatus, HeadEpoch } from '../../core/classifier';

export type CaptureMode = 'track' | 'frame';

/** Commands the page sends; each gets exactly one `ClassifierReply` with the same id. */
export type ClassifierCommand =
  | { op: 'capture'; mode: CaptureMode; trackId?: number; className: string }
  | { op: 'removeClass'; className: string }
  | { op: 'clear' }
  | { op: 'train'; config: Partial<ClassifierConfig> }
  | { op: 'stopTraining' }
  | { op: 'enable'; on: boolean; targetClass: string }
  | { op: 'save'; name: string }
  | { op: 'load'; name: string }
  | { op: 'delete'; name: string }
  | { op: 'list' }
  | { op: 'status' };

export interface SavedClassifier {
  name: string;
  dateSaved: string;
}

export interface ClassifierReply {
  ok: boolean;
  /** A message for the user when `ok` is false. */
  error?: string;
  status: ClassifierStatus;
  /** `list` (and after save/delete): saved classifiers, newest first. */
  saved?: SavedClassifier[];
  /** `train`: wall time and the last epoch. */
  trainMs?: number;
  last?: HeadEpoch;
}

export type ClassifierRequestMessage = { type: 'classifier'; id: number; command: ClassifierCommand };
export type ClassifierResponseMessage =
  { type: 'classifier'; id: number; reply: ClassifierReply } | { type: 'classifierProgress'; epoch: HeadEpoch };
