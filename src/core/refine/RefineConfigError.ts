import { ConfigValueError } from '../util/configValue.ts';

/** Thrown by `validateRefineConfig` for a value outside its allowed range. */
export class RefineConfigError extends ConfigValueError {
  override readonly name = 'RefineConfigError';
}
