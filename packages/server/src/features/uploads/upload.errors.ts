import { AppError } from '../../graphql/app-errors.js';

/** Which upload rule a file broke. */
export type UploadRule = 'EMPTY' | 'TOO_LARGE' | 'CONTENT_TYPE' | 'DAMAGED' | 'DIMENSIONS';

/**
 * A file refused by an upload rule. It is bad input (code BAD_USER_INPUT, field "file") like any
 * other, and carries the rule so that HTTP can answer 413 for a file that is too large.
 */
export class UploadRefusedError extends AppError {
  constructor(
    readonly rule: UploadRule,
    problem: string,
  ) {
    super('BAD_USER_INPUT', `file: ${problem}`, { fields: [{ field: 'file', message: problem }], rule });
    this.name = 'UploadRefusedError';
  }
}
