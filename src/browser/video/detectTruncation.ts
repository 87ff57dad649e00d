import type { Input } from 'mediabunny';
import type { Truncation } from './types';

/** Frame intervals of slack between declared and readable end (container rounding, last-frame duration guesses). */
export const TRUNCATION_SLACK_FRAMES = 2;

/**
 * Index-less containers (WebM/MKV) carry no frame count, but a file written
 * to completion declares its duration in its header. When the media actually
 * present ends clearly earlier, the file was cut short (interrupted upload or
 * copy). Both ends are taken over ALL tracks, so a file whose audio simply
 * runs longer than its video is not mistaken for a truncated one. Files
 * without a declared duration (live recordings) cannot be checked: null.
 */
export async function detectTruncation(input: Input, frameIntervalUs: number): Promise<Truncation | null> {
  const declaredS = await input.getDurationFromMetadata();
  if (declaredS === null || !Number.isFinite(declaredS) || declaredS <= 0) return null;
  const readableS = await input.computeDuration();
  const declaredDurationUs = Math.round(declaredS * 1e6);
  const readableDurationUs = Math.round(readableS * 1e6);
  const slackUs = TRUNCATION_SLACK_FRAMES * (Number.isFinite(frameIntervalUs) && frameIntervalUs > 0 ? frameIntervalUs : 100_000);
  return declaredDurationUs - readableDurationUs > slackUs ? { declaredDurationUs, readableDurationUs } : null;
}
