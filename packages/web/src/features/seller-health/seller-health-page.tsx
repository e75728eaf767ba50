import { Fragment, useState } from 'react';
import { describeError } from '../../ui/graphql-errors';
import { formatDate } from '../../ui/format';
import {
  MARKETPLACE_NAMES,
  QUALITY_METRIC_NAMES,
  SELLER_HEALTH_SORT_LABELS,
  SELLER_QUALITY_STANDING_NAMES,
  type SellerHealthSortCode,
} from '../../ui/labels';
import { usePageTitle } from '../../ui/page-title';
import { ScrollableTable } from '../../ui/scrollable-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useSellerHealthQuery, type SellerHealthRowFragment } from './seller-health.generated';
import { StandingChangeForm } from './standing-change-form';
import './seller-health.css';

export const SELLER_HEALTH_PAGE_SIZE = 25;
const SORTS = Object.keys(SELLER_HEALTH_SORT_LABELS) as SellerHealthSortCode[];

/** Sellers at risk or suspended with their figures, worst first; suspend and reinstate with a reason. */
export function SellerHealthPage() {
  usePageTitle('Seller health');
  const [sort, setSort] = useState<SellerHealthSortCode>('RQS');
  const { data, loading, error, refetch, fetchMore } = useSellerHealthQuery({
    variables: { first: SELLER_HEALTH_PAGE_SIZE, sort },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [changing, setChanging] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const list = data?.sellerHealth;
  const endCursor = list?.pageInfo.endCursor;

  const loadMore = async (after: string) => {
    setMoreError(null);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          sellerHealth: {
            ...fetchMoreResult.sellerHealth,
            edges: [...shown.sellerHealth.edges, ...fetchMoreResult.sellerHealth.edges],
          },
        }),
      });
    } catch (failure) {
      setMoreError(failure);
    }
  };

  return (
    <section aria-labelledby="seller-health-title" className="page sh-page">
      <header className="page-header">
        <h1 tabIndex={-1} id="seller-health-title">
          Seller health
        </h1>
        <p className="lede">
          Sellers at risk (under 98% RQS, over 0.80% ODR or under 3.70 stars) and suspended sellers, per marketplace,
          with the figures of their latest evaluation.
        </p>
      </header>
      <div className="sh-toolbar">
        <label htmlFor="sh-sort">Order</label>
        <select id="sh-sort" value={sort} onChange={(event) => setSort(event.target.value as SellerHealthSortCode)}>
          {SORTS.map((code) => (
            <option key={code} value={code}>
              {SELLER_HEALTH_SORT_LABELS[code]}
            </option>
          ))}
        </select>
      </div>
      {loading && !list ? (
        <LoadingState label="Loading seller health…" />
      ) : error && !list ? (
        <ErrorState title="Seller health could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !list || list.edges.length === 0 ? (
        <EmptyState title="Every seller is in good standing">
          Sellers who miss a quality threshold appear here after their evaluation.
        </EmptyState>
      ) : (
        <div className="card">
          <p role="status">
            {list.edges.length === list.totalCount
              ? `${list.totalCount} ${list.totalCount === 1 ? 'seller' : 'sellers'}`
              : `Showing ${list.edges.length} of ${list.totalCount} sellers`}
          </p>
          <ScrollableTable label="Sellers at risk or suspended">
            <table className="data-table sh-table">
              <caption className="visually-hidden">
                Sellers at risk or suspended, {SELLER_HEALTH_SORT_LABELS[sort]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Seller</th>
                  <th scope="col">Marketplace</th>
                  <th scope="col">Standing</th>
                  <th scope="col">RQS</th>
                  <th scope="col">ODR</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Suppressed offers</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {list.edges.map(({ node }) => (
                  <Fragment key={node.id}>
                    <SellerHealthRow
                      row={node}
                      onChange={() => setChanging(changing === node.id ? null : node.id)}
                      open={changing === node.id}
                    />
                    {changing === node.id && (
                      <tr>
                        <td colSpan={8}>
                          <StandingChangeForm
                            row={node}
                            onCancel={() => setChanging(null)}
                            onDone={() => {
                              setChanging(null);
                              void refetch();
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
          {moreError !== null && (
            <p className="alert alert-error" role="alert">
              More sellers could not be loaded: {describeError(moreError)}
            </p>
          )}
          {list.pageInfo.hasNextPage && endCursor && (
            <button type="button" className="button button-secondary" onClick={() => void loadMore(endCursor)}>
              Load more
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function SellerHealthRow({
  row,
  open,
  onChange,
}: {
  row: SellerHealthRowFragment;
  open: boolean;
  onChange: () => void;
}) {
  const missed = new Set(row.breaches);
  const mark = (metric: 'RQS' | 'ODR' | 'RATING') =>
    missed.has(metric) ? <span className="sh-missed"> (misses {QUALITY_METRIC_NAMES[metric]})</span> : null;
  return (
    <tr>
      <th scope="row">{row.seller.name}</th>
      <td>{MARKETPLACE_NAMES[row.marketplace]}</td>
      <td>
        <span className={`sh-standing sh-standing-${row.standing.toLowerCase()}`}>
          {SELLER_QUALITY_STANDING_NAMES[row.standing]}
        </span>{' '}
        since {formatDate(row.since)}
        {row.reason && <div className="sh-reason">{row.reason}</div>}
        {row.changedBy && <div className="sh-reason">By {row.changedBy}</div>}
      </td>
      <td>
        {row.rqs ? `${row.rqs.formatted} of ${row.rqsOrders} orders` : 'No orders'}
        {mark('RQS')}
      </td>
      <td>
        {row.odr ? `${row.odr.formatted} of ${row.odrOrders} orders` : 'No orders'}
        {mark('ODR')}
      </td>
      <td>
        {row.averageRating ? `${row.averageRating.formatted} (${row.ratingCount} ratings)` : 'No ratings'}
        {mark('RATING')}
      </td>
      <td>{row.suppressedOffers}</td>
      <td>
        <button type="button" className="button button-secondary" aria-expanded={open} onClick={onChange}>
          {row.standing === 'SUSPENDED' ? 'Reinstate…' : 'Suspend…'}
          <span className="visually-hidden"> {row.seller.name}</span>
        </button>
      </td>
    </tr>
  );
}
