import { CLOSE_REASONS, CLOSE_REASONS_BY_STATE, type CloseReason, type ReturnState } from '@recertify/domain';
import { useId, useState } from 'react';
import { CLOSE_REASON_NAMES } from '../../../ui/labels';
import { BULK_MAX } from './selection';

interface Props {
  count: number;
  /** The states of the selected returns this page shows: the close reasons offered are those that fit one. */
  selectedStates: readonly ReturnState[];
  busy: boolean;
  onAuthorize: () => void;
  onClose: (reason: CloseReason) => void;
  onClear: () => void;
}

/** The close reasons that fit at least one of `states`, in the domain's order; all of them when none is known. */
export function closeReasonsFor(states: readonly ReturnState[]): CloseReason[] {
  if (states.length === 0) return [...CLOSE_REASONS];
  const fitting = new Set(states.flatMap((state) => CLOSE_REASONS_BY_STATE[state]));
  return CLOSE_REASONS.filter((reason) => fitting.has(reason));
}

/**
 * What to do with the selected returns. Authorizing in bulk uses a generated RMA and the default
 * return address for each; a return that cannot be authorized or closed says why in its own row,
 * and the others go ahead. Repeating an action changes nothing more.
 */
export function BulkActions({ count, selectedStates, busy, onAuthorize, onClose, onClear }: Props) {
  const reasons = closeReasonsFor(selectedStates);
  const [chosen, setChosen] = useState<CloseReason | null>(null);
  const reason = chosen && reasons.includes(chosen) ? chosen : (reasons[0] ?? null);
  const reasonId = useId();
  const none = count === 0;
  return (
    <div className="rt-bulk" role="group" aria-label="Bulk actions">
      <p className="rt-bulk-count" aria-live="polite">
        {none ? 'Select returns to act on several at once.' : `${count} selected`}
        {count >= BULK_MAX && ` (at most ${BULK_MAX} at a time)`}
      </p>
      <button type="button" className="button" disabled={none || busy} onClick={onAuthorize}>
        {busy ? 'Working…' : 'Authorize selected'}
      </button>
      <div className="rt-bulk-close">
        <label htmlFor={reasonId}>Close reason</label>
        <select
          id={reasonId}
          value={reason ?? ''}
          disabled={none || busy}
          onChange={(event) => setChosen(CLOSE_REASONS.find((r) => r === event.target.value) ?? null)}
        >
          {reasons.map((r) => (
            <option key={r} value={r}>
              {CLOSE_REASON_NAMES[r]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary"
          disabled={none || busy || reason === null}
          onClick={() => reason && onClose(reason)}
        >
          Close selected
        </button>
      </div>
      {!none && (
        <button type="button" className="link-button" onClick={onClear} disabled={busy}>
          Clear selection
        </button>
      )}
    </div>
  );
}
