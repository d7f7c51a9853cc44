/**
 * An error meant for the reviewer: its message is Chinese and names what was wrong
 * (file, sheet, row, URL, indicator). Everything else that is thrown is a bug.
 */
export class KaopingError extends Error {
  readonly code: string;
  readonly details: readonly string[];

  constructor(code: string, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'KaopingError';
    this.code = code;
    this.details = details;
  }
}

/** True for errors that carry a reviewer-facing message. */
export function isKaopingError(error: unknown): error is KaopingError {
  return error instanceof KaopingError;
}
