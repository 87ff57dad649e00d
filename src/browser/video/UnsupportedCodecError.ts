import { VideoInputError } from './VideoInputError';

/**
 * The video track uses a codec this browser cannot decode (checked with
 * `VideoDecoder.isConfigSupported` before any frame is decoded). `codec` is the
 * full codec string when the container names a known codec, else the short
 * name or 'unknown'.
 */
export class UnsupportedCodecError extends VideoInputError {
  override readonly name = 'UnsupportedCodecError';
  constructor(
    fileName: string,
    readonly codec: string,
    readonly container: string,
    readonly width: number,
    readonly height: number,
    options?: { cause?: unknown },
  ) {
    const what = codec === 'unknown' ? 'a video codec this app does not recognise' : `the ${codec} codec`;
    super(
      fileName,
      `"${fileName}" uses ${what} (${container}, ${width}x${height}), which this browser cannot decode. ` +
        'Convert it to H.264 MP4 or VP9 WebM and try again.',
      options,
    );
  }
}
