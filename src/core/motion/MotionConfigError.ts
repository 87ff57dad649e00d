import { ConfigValueError } from '../util/configValue.ts';

/** Thrown by `validateMotionConfig` for a value outside its allowed range. */
export class MotionConfigError extends ConfigValueError {
  override readonly name = 'MotionConfigError';
}
