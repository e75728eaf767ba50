import { useState, type FormEvent } from 'react';
import { describeError } from '../../ui/graphql-errors';
import { useInvalidateComplaintFromDashboardMutation } from './invalidate-complaint.generated';

/** A reviewer's "Invalidate" on one complaint: asks for the reason, then the figures are read again. */
export function InvalidateComplaintButton({
  complaintId,
  label,
  onDone,
}: {
  complaintId: string;
  /** The complaint as people name it (its external id), for the button's accessible name. */
  label: string;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [invalidate, { loading, error }] = useInvalidateComplaintFromDashboardMutation({
    refetchQueries: ['QualityComplaints', 'QualityOrders', 'QualityOffers'],
    awaitRefetchQueries: true,
  });
  if (!open) {
    return (
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        Invalidate <span className="visually-hidden">complaint {label}</span>
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await invalidate({ variables: { input: { complaintId, reason: reason.trim() } } }).catch(() => null);
    if (result?.data) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="q-invalidate">
      <label htmlFor={`reason-${complaintId}`}>Why it does not count</label>
      <input
        id={`reason-${complaintId}`}
        value={reason}
        maxLength={1000}
        required
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="button button-small" disabled={loading || reason.trim() === ''}>
        {loading ? 'Invalidating…' : 'Confirm invalidation'}
      </button>
      {error && (
        <p className="alert alert-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </form>
  );
}
