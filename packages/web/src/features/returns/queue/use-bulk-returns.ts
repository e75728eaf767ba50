import { useCallback } from 'react';
import type { BulkOutcome } from './queue-types';
import type { BulkRequest } from './returns-queue-view';
import {
  useBulkAuthorizeReturnsMutation,
  useBulkCloseReturnsMutation,
  type BulkReturnResultFieldsFragment,
} from './bulk-returns.generated';

/** A bulk call's answer as the rows show it: the return's new state, or the refusal's message. */
export function bulkOutcomeOf(result: BulkReturnResultFieldsFragment): BulkOutcome {
  if (result.ok && result.returnRequest) {
    return { returnId: result.id, ok: true, state: result.returnRequest.state, rma: result.returnRequest.rma };
  }
  return {
    returnId: result.id,
    ok: false,
    code: result.error?.code ?? 'INTERNAL_SERVER_ERROR',
    message: result.error?.message ?? 'This return could not be changed.',
  };
}

/**
 * Authorize or close the selected returns in one call. Each result carries the return as it is
 * now, so Apollo's cache updates the rows in place; the call rejects only when it fails as a whole.
 */
export function useBulkReturns(): (request: BulkRequest) => Promise<BulkOutcome[]> {
  const [authorize] = useBulkAuthorizeReturnsMutation();
  const [close] = useBulkCloseReturnsMutation();
  return useCallback(
    async ({ action, returnIds, closeReason }: BulkRequest) => {
      const ids = [...returnIds];
      if (action === 'AUTHORIZE') {
        const { data } = await authorize({ variables: { ids } });
        return (data?.bulkAuthorizeReturns ?? []).map(bulkOutcomeOf);
      }
      if (!closeReason) throw new RangeError('closing needs a reason');
      const { data } = await close({ variables: { ids, reason: closeReason } });
      return (data?.bulkCloseReturns ?? []).map(bulkOutcomeOf);
    },
    [authorize, close],
  );
}
