/**
 * Base class of every error the video input layer raises on purpose. `message`
 * is written for the person who chose the file (the UI can show it as is);
 * `fileName` and the subclass fields carry the context a caller or log needs.
 * Catch this class to tell "bad upload" apart from programming errors.
 */
export abstract class VideoInputError extends Error {
  abstract override readonly name: string;
  constructor(
    readonly fileName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The name a Blob or File is reported under in messages. */
export function describeFile(file: Blob): string {
  const name = (file as Partial<File>).name;
  return typeof name === 'string' && name.length > 0 ? name : 'the selected file';
}
