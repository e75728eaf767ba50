import { useId, useState } from 'react';
import { describeError } from '../../ui/graphql-errors';
import { MARKETPLACE_NAMES } from '../../ui/labels';
import {
  useReinstateSellerMutation,
  useSuspendSellerMutation,
  type SellerHealthRowFragment,
} from './seller-health.generated';

const REASON_MAX = 1000;

/**
 * Suspend (or, for a suspended seller, reinstate) with a reason, in place under the row: the reason
 * is emailed to the seller and kept in the audit log. Refusals (a blank reason, a seller suspended
 * meanwhile) are shown beside the buttons and the form stays open.
 */
export function StandingChangeForm({
  row,
  onDone,
  onCancel,
}: {
  row: SellerHealthRowFragment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const suspending = row.standing !== 'SUSPENDED';
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [suspend, suspendState] = useSuspendSellerMutation();
  const [reinstate, reinstateState] = useReinstateSellerMutation();
  const busy = suspendState.loading || reinstateState.loading;
  const fieldId = useId();
  const who = `${row.seller.name} in ${MARKETPLACE_NAMES[row.marketplace]}`;

  const submit = async () => {
    setProblem(null);
    if (reason.trim().length === 0) {
      setProblem('Say why: the seller is emailed this reason and the audit log keeps it.');
      return;
    }
    const input = { sellerId: row.seller.id, marketplace: row.marketplace, reason };
    try {
      if (suspending) await suspend({ variables: { input } });
      else await reinstate({ variables: { input } });
      onDone();
    } catch (failure) {
      setProblem(describeError(failure));
    }
  };

  return (
    <form
      className="sh-standing-form"
      aria-label={suspending ? `Suspend ${who}` : `Reinstate ${who}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>
        {suspending
          ? `Suspending ${who} takes all its offers there off sale until a reviewer reinstates it.`
          : `Reinstating ${who} puts back on sale the offers that meet the offer quality threshold.`}
      </p>
      <label htmlFor={fieldId}>Reason (emailed to the seller)</label>
      <textarea
        id={fieldId}
        value={reason}
        maxLength={REASON_MAX}
        rows={3}
        onChange={(event) => setReason(event.target.value)}
      />
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <div className="sh-standing-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : suspending ? 'Suspend seller' : 'Reinstate seller'}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
