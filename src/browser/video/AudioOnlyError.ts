import { VideoInputError } from './VideoInputError';

/** A readable media file with audio track(s) but no video track. */
export class AudioOnlyError extends VideoInputError {
  override readonly name = 'AudioOnlyError';
  constructor(
    fileName: string,
    readonly container: string,
    readonly audioTracks: number,
  ) {
    super(
      fileName,
      `"${fileName}" contains only audio (${container}, ${audioTracks} audio track${audioTracks === 1 ? '' : 's'}) and no video to analyse.`,
    );
  }
}
