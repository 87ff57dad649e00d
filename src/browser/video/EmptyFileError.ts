import { VideoInputError } from './VideoInputError';

/** The file has no bytes at all (an interrupted download or copy, typically). */
export class EmptyFileError extends VideoInputError {
  override readonly name = 'EmptyFileError';
  constructor(fileName: string) {
    super(fileName, `"${fileName}" is empty (0 bytes). Choose the video file again; the copy may not have finished.`);
  }
}
