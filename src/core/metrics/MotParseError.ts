/**
 * Thrown by `parseMot` for a line it cannot read as a MOTChallenge row.
 * Carries the source (file path or '<string>'), the 1-based line number and
 * the reason, so a caller can point at the exact place in the file.
 */
export class MotParseError extends Error {
  override readonly name = 'MotParseError';
  readonly source: string;
  readonly line: number;
  readonly reason: string;

  constructor(source: string, line: number, reason: string) {
    super(`${source}:${line}: ${reason}`);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }
}
