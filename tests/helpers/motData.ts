import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Folder holding the shared MOT benchmark data (`mot15/`, `motmetrics/`,
 * `mot17-lift/`). Set `MOT_DATA_DIR` to override; defaults to
 * `../shared/data` relative to the repository root. Never copied into the repo.
 */
export const MOT_DATA_DIR = resolve(process.env.MOT_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data'));

/**
 * True when the data folder is present. Under `CI=true` a missing folder is a
 * failure (throws), never a skip. Outside CI, suites that need it fail with a
 * message that says how to provide it.
 */
export function requireMotData(sub = ''): string {
  const dir = resolve(MOT_DATA_DIR, sub);
  if (!existsSync(dir)) {
    throw new Error(
      `MOT data folder not found: ${dir}. Set MOT_DATA_DIR to the folder holding mot15/, motmetrics/ and mot17-lift/ ` +
        `(default ../shared/data beside the repository).`,
    );
  }
  return dir;
}
