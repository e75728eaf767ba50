import { describe, expect, it } from 'vitest';
import { bulkOutcomeOf } from './use-bulk-returns';

const row = {
  id: 'r1',
  version: 2,
  state: 'AUTHORIZED' as const,
  marketplace: 'US' as const,
  orderExternalId: 'EVG-1',
  rma: '7KQ2M-9XD4P',
  reason: 'DEFECTIVE' as const,
  inPolicy: true,
  requestedAt: '2026-11-20T15:00:00.000Z',
  deadline: '2026-12-30',
  items: [],
};

describe('bulkOutcomeOf', () => {
  it('reads a success as the return now is, and a refusal by its typed error', () => {
    expect(bulkOutcomeOf({ id: 'r1', ok: true, error: null, returnRequest: row })).toEqual({
      returnId: 'r1',
      ok: true,
      state: 'AUTHORIZED',
      rma: '7KQ2M-9XD4P',
    });
    expect(
      bulkOutcomeOf({
        id: 'r2',
        ok: false,
        returnRequest: null,
        error: {
          code: 'CONFLICT',
          field: null,
          reason: 'NOT_FROM_STATE',
          message: 'This return is CLOSED; it can no longer be authorized.',
        },
      }),
    ).toEqual({
      returnId: 'r2',
      ok: false,
      code: 'CONFLICT',
      message: 'This return is CLOSED; it can no longer be authorized.',
    });
  });
});
