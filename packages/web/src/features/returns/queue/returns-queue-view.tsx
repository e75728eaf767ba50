import type { CloseReason } from '@recertify/domain';
import { useState } from 'react';
import { countedNoun, formatCappedCount, type CappedCount } from '../../../ui/capped-count';
import { describeError } from '../../../ui/graphql-errors';
import { BulkActions } from './bulk-actions';
import { bulkSummary, outcomesById } from './bulk-outcomes';
import type { BulkAction, BulkOutcome, ReturnsQueueRow } from './queue-types';
import { ReturnsTable } from './returns-table';
import { NO_SELECTION, selectedIds, toggleSelected, togglePage, type Selection } from './selection';

export interface BulkRequest {
  readonly action: BulkAction;
  readonly returnIds: readonly string[];
  readonly closeReason?: CloseReason;
}

interface Props {
  rows: readonly ReturnsQueueRow[];
  /** Every return the filter matches, on every page, up to the server's cap ("10,000+"). */
  total: CappedCount;
  /**
   * Runs a bulk call; resolves with every return's outcome, rejects when the call as a whole failed.
   * Without it (a viewer who may only read) the rows have no checkboxes.
   */
  onBulk?: ((request: BulkRequest) => Promise<readonly BulkOutcome[]>) | undefined;
  paging: {
    readonly page: number;
    /** How many rows the earlier pages held. */
    readonly before: number;
    readonly hasPrevious: boolean;
    readonly hasNext: boolean;
    readonly onPrevious: () => void;
    readonly onNext: () => void;
  };
}

interface LastBulk {
  readonly action: BulkAction;
  readonly outcomes: ReadonlyMap<string, BulkOutcome>;
  readonly summary: string;
}

/**
 * The queue's rows with their selection and bulk actions. The selection survives paging (pick on
 * one page, then on the next); the last bulk call's result stays beside each row it covered until
 * the next call, so a refused return keeps saying why while the others move on.
 */
export function ReturnsQueueView({ rows, total, onBulk, paging }: Props) {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LastBulk | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pageIds = rows.map((row) => row.id);
  const selectedStates = rows.filter((row) => selection.has(row.id)).map((row) => row.state);

  const run = async (action: BulkAction, closeReason?: CloseReason) => {
    if (!onBulk) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcomes = await onBulk({
        action,
        returnIds: selectedIds(selection, pageIds),
        ...(closeReason ? { closeReason } : {}),
      });
      setLast({ action, outcomes: outcomesById(outcomes), summary: bulkSummary(action, outcomes) });
      // What went through leaves the selection; what was refused stays, to fix and try again.
      setSelection(new Set(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.returnId)));
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const first = paging.before + 1;
  return (
    <div className="card rt-queue-card">
      {onBulk && (
        <BulkActions
          count={selection.size}
          selectedStates={selectedStates}
          busy={busy}
          onAuthorize={() => void run('AUTHORIZE')}
          onClose={(reason) => void run('CLOSE', reason)}
          onClear={() => setSelection(NO_SELECTION)}
        />
      )}
      {last && (
        <p className="alert alert-info rt-bulk-summary" role="status">
          {last.summary}
        </p>
      )}
      {failure && (
        <p className="alert alert-error" role="alert">
          Nothing was changed: {failure}
        </p>
      )}
      <p className="queue-count" role="status">
        {!total.atLeast && total.value === rows.length
          ? countedNoun(total, 'return', 'returns')
          : `Page ${paging.page}: returns ${first} to ${first + rows.length - 1} of ${formatCappedCount(total)}`}
      </p>
      <ReturnsTable
        rows={rows}
        selectable={onBulk !== undefined}
        selection={selection}
        onToggle={(id) => setSelection((current) => toggleSelected(current, id))}
        onTogglePage={() => setSelection((current) => togglePage(current, pageIds))}
        outcomes={last?.outcomes ?? new Map()}
        outcomeAction={last?.action ?? null}
      />
      {(paging.hasPrevious || paging.hasNext) && (
        <nav className="rt-pager" aria-label="Pages of returns">
          <button
            type="button"
            className="button button-secondary"
            disabled={!paging.hasPrevious}
            onClick={paging.onPrevious}
          >
            Previous page
          </button>
          <span>Page {paging.page}</span>
          <button type="button" className="button button-secondary" disabled={!paging.hasNext} onClick={paging.onNext}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}
