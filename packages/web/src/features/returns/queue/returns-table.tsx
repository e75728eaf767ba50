import { MARKETPLACES } from '@recertify/domain';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { formatDate, formatDateIn } from '../../../ui/format';
import { RETURN_REASON_NAMES } from '../../../ui/labels';
import { DataTable } from '../../../ui/scrollable-table';
import { returnPath, type ReturnLinkState } from '../returns-paths';
import { ReturnStateBadge, PolicyBadge } from '../return-badges';
import { outcomeText } from './bulk-outcomes';
import type { BulkAction, BulkOutcome, ReturnsQueueRow } from './queue-types';
import { pageSelection, type Selection } from './selection';

interface Props {
  rows: readonly ReturnsQueueRow[];
  /** Rows have checkboxes only where bulk actions are offered. */
  selectable: boolean;
  selection: Selection;
  onToggle: (id: string) => void;
  onTogglePage: () => void;
  /** The last bulk call's answer for each row it covered, shown in the row. */
  outcomes: ReadonlyMap<string, BulkOutcome>;
  outcomeAction: BulkAction | null;
}

/** One page of the queue: a checkbox per row and one for the page, and each row's last bulk result. */
export function ReturnsTable({ rows, selectable, selection, onToggle, onTogglePage, outcomes, outcomeAction }: Props) {
  const pageIds = rows.map((row) => row.id);
  const all = pageSelection(selection, pageIds);
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "Some selected" is a property, not an attribute: the box reads as mixed to assistive technology.
    if (headerBox.current) headerBox.current.indeterminate = all === 'some';
  }, [all]);
  return (
    <DataTable
      label="Return requests"
      caption="Return requests"
      className="queue-table"
      columns={[
        selectable && (
          <th scope="col" className="rt-select-cell">
            <input
              ref={headerBox}
              type="checkbox"
              aria-label="Select every return on this page"
              checked={all === 'all'}
              onChange={onTogglePage}
            />
          </th>
        ),
        'Order',
        'Item',
        'Reason',
        'Policy',
        'State',
        'Requested',
        'Deadline',
        'Result',
      ]}
    >
      {rows.map((row) => (
        <ReturnsTableRow
          key={row.id}
          row={row}
          selectable={selectable}
          selected={selection.has(row.id)}
          onToggle={() => onToggle(row.id)}
          outcome={outcomes.get(row.id) ?? null}
          outcomeAction={outcomeAction}
        />
      ))}
    </DataTable>
  );
}

function ReturnsTableRow({
  row,
  selectable,
  selected,
  onToggle,
  outcome,
  outcomeAction,
}: {
  row: ReturnsQueueRow;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  outcome: BulkOutcome | null;
  outcomeAction: BulkAction | null;
}) {
  const { search } = useLocation();
  const linkState: ReturnLinkState = { queueSearch: search };
  const [first] = row.items;
  const more = row.items.length - 1;
  return (
    <tr className={selected ? 'rt-row rt-row-selected' : 'rt-row'} data-return-id={row.id}>
      {selectable && (
        <td className="rt-select-cell">
          <input
            type="checkbox"
            aria-label={`Select the return of order ${row.orderExternalId}`}
            checked={selected}
            onChange={onToggle}
          />
        </td>
      )}
      <th scope="row">
        <Link to={returnPath(row.id)} state={linkState}>
          {row.orderExternalId}
        </Link>
        <span className="rt-row-sub">
          <span className="marketplace-code">{row.marketplace}</span> {row.rma ? `RMA ${row.rma}` : 'No RMA yet'}
        </span>
      </th>
      <td>
        {first ? (first.title ?? first.sku) : <span className="muted">No items</span>}
        {more > 0 && <span className="muted"> and {more} more</span>}
      </td>
      <td>{RETURN_REASON_NAMES[row.reason]}</td>
      <td>
        <PolicyBadge inPolicy={row.inPolicy} />
      </td>
      <td>
        <ReturnStateBadge state={row.state} />
      </td>
      <td>{formatDateIn(row.requestedAt, MARKETPLACES[row.marketplace].timeZone)}</td>
      <td>{row.deadline ? formatDate(row.deadline) : <span className="muted">—</span>}</td>
      <td className="rt-result-cell">
        {outcome && outcomeAction && (
          <span className={outcome.ok ? 'rt-result rt-result-ok' : 'rt-result rt-result-refused'}>
            <span className="visually-hidden">{outcome.ok ? 'Done: ' : 'Refused: '}</span>
            {outcomeText(outcomeAction, outcome)}
          </span>
        )}
      </td>
    </tr>
  );
}
