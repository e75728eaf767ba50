import { useState, type ReactNode } from 'react';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_SOURCE_LABELS } from '@recertify/domain';
import { formatDate, formatDateTime } from '../../ui/format';
import { appendPage, LoadMore } from '../../ui/load-more';
import { DataTable } from '../../ui/scrollable-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { MarketplaceCode } from '../../generated/graphql';
import {
  useQualityComplaintsQuery,
  useQualityOrdersQuery,
  type QualityComplaintsQuery,
} from './quality-drill-down.generated';

export const DRILL_DOWN_PAGE_SIZE = 25;

/** What the drill-down explains: a figure of the seller, or of one offer. */
export interface DrillDownTarget {
  readonly figure: 'RQS' | 'ODR';
  readonly offer?: { readonly id: string; readonly sku: string } | null;
}

export type DrillDownComplaint = QualityComplaintsQuery['qualityComplaints']['edges'][number]['node'];

interface Props {
  readonly sellerId: string | null;
  readonly marketplace: MarketplaceCode;
  readonly target: DrillDownTarget;
  readonly onClose: () => void;
  /** A reviewer's action on a complaint (invalidate), if any. */
  readonly complaintAction?: (complaint: DrillDownComplaint) => ReactNode;
}

const labelOf = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;

/** The orders and complaints behind a figure, in its window, defective only unless asked for all. */
export function DrillDown({ sellerId, marketplace, target, onClose, complaintAction }: Props) {
  const [defectiveOnly, setDefectiveOnly] = useState(true);
  const [tab, setTab] = useState<'complaints' | 'orders'>(target.figure === 'RQS' ? 'complaints' : 'orders');
  const what = `${target.figure === 'RQS' ? 'RQS' : 'ODR'}${target.offer ? ` of ${target.offer.sku}` : ''}`;
  return (
    <section className="card q-drill-down" aria-labelledby="q-drill-down-title" data-testid="drill-down">
      <div className="q-drill-down-header">
        <h2 id="q-drill-down-title">Behind the {what}</h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="q-drill-down-controls">
        {target.figure === 'RQS' && (
          <div role="group" aria-label="Show">
            <button
              type="button"
              className={tab === 'complaints' ? 'button button-small' : 'button button-secondary button-small'}
              aria-pressed={tab === 'complaints'}
              onClick={() => setTab('complaints')}
            >
              Complaints
            </button>{' '}
            <button
              type="button"
              className={tab === 'orders' ? 'button button-small' : 'button button-secondary button-small'}
              aria-pressed={tab === 'orders'}
              onClick={() => setTab('orders')}
            >
              Orders
            </button>
          </div>
        )}
        <label className="q-checkbox">
          <input type="checkbox" checked={defectiveOnly} onChange={(event) => setDefectiveOnly(event.target.checked)} />{' '}
          {tab === 'complaints'
            ? 'Only complaints that count (not invalidated)'
            : 'Only the orders that count against it'}
        </label>
      </div>
      {tab === 'complaints' && target.figure === 'RQS' ? (
        <ComplaintList
          sellerId={sellerId}
          marketplace={marketplace}
          offerId={target.offer?.id ?? null}
          defectiveOnly={defectiveOnly}
          action={complaintAction}
        />
      ) : (
        <OrderList
          sellerId={sellerId}
          marketplace={marketplace}
          offerId={target.offer?.id ?? null}
          figure={target.figure}
          defectiveOnly={defectiveOnly}
        />
      )}
    </section>
  );
}

function OrderList({
  sellerId,
  marketplace,
  offerId,
  figure,
  defectiveOnly,
}: {
  sellerId: string | null;
  marketplace: MarketplaceCode;
  offerId: string | null;
  figure: 'RQS' | 'ODR';
  defectiveOnly: boolean;
}) {
  const { data, loading, error, refetch, fetchMore } = useQualityOrdersQuery({
    variables: { sellerId, marketplace, offerId, figure, defectiveOnly, first: DRILL_DOWN_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const orders = data?.qualityOrders;
  if (loading && !orders) return <LoadingState label="Loading orders…" />;
  if (error && !orders)
    return <ErrorState level={3} title="The orders could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (!orders || orders.edges.length === 0)
    return (
      <EmptyState level={3} title={defectiveOnly ? 'No defective orders in the window' : 'No orders in the window'} />
    );
  return (
    <>
      <p className="muted" role="status">
        {orders.totalCount.toLocaleString('en-US')} {orders.totalCount === 1 ? 'order' : 'orders'}
      </p>
      <DataTable
        label="Orders"
        caption="Orders behind the figure, oldest first"
        columns={['Order', 'SKU', 'Ordered', 'Quantity', 'Valid complaints', 'Defects']}
      >
        {orders.edges.map(({ node }) => (
          <tr key={node.id} data-testid="drill-down-order">
            <th scope="row">{node.externalId}</th>
            <td>{node.sku}</td>
            <td>{formatDateTime(node.orderedAt)}</td>
            <td>{node.quantity}</td>
            <td>{node.validComplaints}</td>
            <td>{node.defects}</td>
          </tr>
        ))}
      </DataTable>
      <LoadMore
        pageInfo={orders.pageInfo}
        label="Load more orders"
        failure="More could not be loaded"
        onLoad={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('qualityOrders') })}
      />
    </>
  );
}

function ComplaintList({
  sellerId,
  marketplace,
  offerId,
  defectiveOnly,
  action,
}: {
  sellerId: string | null;
  marketplace: MarketplaceCode;
  offerId: string | null;
  defectiveOnly: boolean;
  action?: (complaint: DrillDownComplaint) => ReactNode;
}) {
  const { data, loading, error, refetch, fetchMore } = useQualityComplaintsQuery({
    variables: { sellerId, marketplace, offerId, defectiveOnly, first: DRILL_DOWN_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const complaints = data?.qualityComplaints;
  if (loading && !complaints) return <LoadingState label="Loading complaints…" />;
  if (error && !complaints)
    return (
      <ErrorState level={3} title="The complaints could not be loaded" error={error} onRetry={() => void refetch()} />
    );
  if (!complaints || complaints.edges.length === 0) return <EmptyState level={3} title="No complaints in the window" />;
  return (
    <>
      <p className="muted" role="status">
        {complaints.totalCount.toLocaleString('en-US')} {complaints.totalCount === 1 ? 'complaint' : 'complaints'}
      </p>
      <DataTable
        label="Complaints"
        caption="Complaints behind RQS, by order day"
        columns={['Complaint', 'Order', 'SKU', 'Source', 'Category', 'Received', 'Counts', action && 'Action']}
      >
        {complaints.edges.map(({ node }) => (
          <tr key={node.id} data-testid="drill-down-complaint">
            <th scope="row">{node.externalId}</th>
            <td>{node.orderExternalId}</td>
            <td>{node.sku}</td>
            <td>{labelOf(COMPLAINT_SOURCE_LABELS, node.source)}</td>
            <td>{labelOf(COMPLAINT_CATEGORY_LABELS, node.category)}</td>
            <td>{formatDate(node.receivedAt)}</td>
            <td>
              {node.invalidatedAt
                ? `No: invalidated ${formatDate(node.invalidatedAt)}${node.invalidationReason ? ` (${node.invalidationReason})` : ''}`
                : 'Yes'}
            </td>
            {action && <td>{node.invalidatedAt ? null : action(node)}</td>}
          </tr>
        ))}
      </DataTable>
      <LoadMore
        pageInfo={complaints.pageInfo}
        label="Load more complaints"
        failure="More could not be loaded"
        onLoad={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('qualityComplaints') })}
      />
    </>
  );
}
