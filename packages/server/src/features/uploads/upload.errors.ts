import { AppError } from '../../errors/app-error.js';

/**
 * Which upload rule a file broke: DECODED_SIZE is an image whose pixels would take more memory
 * than the budget once decoded; QUOTA is a file the organization's storage quota has no room for.
 */
export type UploadRule = 'EMPTY' | 'TOO_LARGE' | 'CONTENT_TYPE' | 'DAMAGED' | 'DIMENSIONS' | 'DECODED_SIZE' | 'QUOTA';

export interface UploadsErrorDetails {
  /** A file refused by an upload rule: bad input about the field "file", naming the rule. */
  readonly UPLOAD_REFUSED: { readonly rule: UploadRule; readonly problem: string };
}

/** A file refused by an upload rule; HTTP answers 413 for one that is too large or over the quota. */
export class UploadRefusedError extends AppError<'UPLOAD_REFUSED'> {
  constructor(
    readonly rule: UploadRule,
    problem: string,
  ) {
    super('UPLOAD_REFUSED', `file: ${problem}`, { rule, problem });
    this.name = 'UploadRefusedError';
  }
}
