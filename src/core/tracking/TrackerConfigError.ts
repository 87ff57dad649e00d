import { ConfigValueError } from '../util/configValue.ts';

/** Thrown by `validateTrackerConfig` for an unknown key or a value outside its allowed range. */
export class TrackerConfigError extends ConfigValueError {
  override readonly name = 'TrackerConfigError';
}
