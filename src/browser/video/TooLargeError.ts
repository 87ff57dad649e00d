import { VideoInputError } from './VideoInputError';

/** The upload exceeds a size or duration limit; the message states the limit. */
export class TooLargeError extends VideoInputError {
  override readonly name = 'TooLargeError';
  constructor(
    fileName: string,
    readonly what: 'size' | 'duration',
    readonly value: number,
    readonly limit: number,
  ) {
    const fmt = what === 'size' ? formatBytes : formatDuration;
    super(
      fileName,
      `"${fileName}" is too ${what === 'size' ? 'large' : 'long'}: ${fmt(value)}, and the limit is ${fmt(limit)}. Trim or split the video, then upload the parts.`,
    );
  }
}

function formatBytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`;
}

function formatDuration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${Math.round(s % 60)} s`;
}
