/**
 * When accuracy mode (`MultiViewDetector`) is on for an uploaded video: `on`,
 * `off`, or `auto`, which turns it on for videos no longer than a user-set
 * length, since it multiplies the detector's cost (figures in the README,
 * `npm run bench:accuracy`).
 */
export const ACCURACY_CHOICES = ['auto', 'on', 'off'] as const;
export type AccuracyChoice = (typeof ACCURACY_CHOICES)[number];

/** `auto` turns accuracy mode on for videos up to this many seconds; 0 = never. */
export const DEFAULT_ACCURACY_MAX_SECONDS = 0;

/** Whether accuracy mode runs for a video of `durationS` seconds (unknown: NaN, which `auto` treats as long). */
export function accuracyModeOn(choice: AccuracyChoice, durationS: number, maxSeconds = DEFAULT_ACCURACY_MAX_SECONDS): boolean {
  if (choice !== 'auto') return choice === 'on';
  return maxSeconds > 0 && durationS <= maxSeconds;
}
