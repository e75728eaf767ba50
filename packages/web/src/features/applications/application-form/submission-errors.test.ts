import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { submissionFailuresOf } from './submission-errors';

describe('submissionFailuresOf', () => {
  it('lists the failing criteria of a NOT_ELIGIBLE refusal', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'This application cannot be submitted yet: …',
          extensions: {
            code: 'NOT_ELIGIBLE',
            failures: [
              { criterion: 'QUALIFYING_PURCHASES', summary: 'Qualifying purchases 49,999.99 of 50,000.00 USD' },
              { criterion: 'IMAGES', summary: '7 images, at least 8 required; missing view RIGHT' },
              { criterion: 42, summary: 'ignored: not a criterion name' },
            ],
          },
        },
      ],
    });
    expect(submissionFailuresOf(error)).toEqual([
      { criterion: 'QUALIFYING_PURCHASES', summary: 'Qualifying purchases 49,999.99 of 50,000.00 USD' },
      { criterion: 'IMAGES', summary: '7 images, at least 8 required; missing view RIGHT' },
    ]);
  });

  it('is empty for any other refusal', () => {
    const conflict = new CombinedGraphQLErrors({
      errors: [{ message: 'This application changed since you loaded it.', extensions: { code: 'CONFLICT' } }],
    });
    expect(submissionFailuresOf(conflict)).toEqual([]);
    expect(submissionFailuresOf(new TypeError('Failed to fetch'))).toEqual([]);
  });
});
