import type { CloseReason } from '@recertify/domain';
import { useMemo } from 'react';
import type { AuthorizeChoice } from './authorize-form';
import {
  useAuthorizeReturnMutation,
  useCloseReturnMutation,
  useReplyToBuyerMutation,
} from './return-actions.generated';

/** The return's actions; each rejects with the API's error, which the form reads by field. */
export function useReturnActions(id: string) {
  const [authorize] = useAuthorizeReturnMutation();
  const [close] = useCloseReturnMutation();
  const [reply] = useReplyToBuyerMutation();
  return useMemo(
    () => ({
      authorize: (version: number, choice: AuthorizeChoice) =>
        authorize({
          variables: {
            input: {
              id,
              version,
              ...(choice.customRma ? { rma: choice.customRma } : {}),
              ...(choice.addressId ? { addressId: choice.addressId } : {}),
              ...(choice.newAddress ? { newAddress: choice.newAddress } : {}),
            },
          },
        }),
      close: (version: number, reason: CloseReason, note: string | null) =>
        close({ variables: { input: { id, version, reason, ...(note ? { note } : {}) } } }),
      reply: (body: string) => reply({ variables: { input: { id, body } } }),
    }),
    [id, authorize, close, reply],
  );
}
