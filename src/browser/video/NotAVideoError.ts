import { VideoInputError } from './VideoInputError';

/** The bytes are not a media container this app can read (an image, a document, ...). */
export class NotAVideoError extends VideoInputError {
  override readonly name = 'NotAVideoError';
  constructor(
    fileName: string,
    readonly mimeType: string,
    options?: { cause?: unknown },
  ) {
    const type = mimeType ? ` (reported type: ${mimeType})` : '';
    super(fileName, `"${fileName}" is not a video file this app can read${type}. Use an MP4, MOV, WebM or MKV video.`, options);
  }
}
