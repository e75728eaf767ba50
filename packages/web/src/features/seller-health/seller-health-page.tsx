import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useFilterInAddress } from '../../ui/address-filter';
import { appendPage, LoadMore } from '../../ui/load-more';
import { formatDate } from '../../ui/format';
import {
  MARKETPLACE_NAMES,
  QUALITY_METRIC_NAMES,
  SELLER_HEALTH_SORT_LABELS,
  SELLER_QUALITY_STANDING_NAMES,
  type SellerHealthSortCode,
} from '../../ui/labels';
import { Page } from '../../ui/page';
import { usePageTitle } from '../../ui/page-title';
import { ScrollableTable } from '../../ui/scrollable-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { MarketplaceCode } from '../../generated/graphql';
import { useSellerHealthQuery, type SellerHealthRowFragment } from './seller-health.generated';
import {
  searchWithSellerHealthView,
  sellerDashboardPath,
  sellerHealthFilterInput,
  sellerHealthViewFromSearch,
  type ListedStanding,
  type SellerHealthView,
} from './seller-health-view';
import { StandingChangeForm } from './standing-change-form';
import './seller-health.css';

export const SELLER_HEALTH_PAGE_SIZE = 25;
const MARKETPLACE_CODES = Object.keys(MARKETPLACE_NAMES) as MarketplaceCode[];
const LISTED_STANDINGS: readonly ListedStanding[] = ['AT_RISK', 'SUSPENDED'];
/** Which way each order runs, for assistive technology: worst first is lowest RQS, highest ODR, lowest rating, oldest. */
const SORT_DIRECTIONS: Readonly<Record<SellerHealthSortCode, 'ascending' | 'descending'>> = {
  RQS: 'ascending',
  ODR: 'descending',
  RATING: 'ascending',
  SINCE: 'ascending',
};

/** Sellers at risk or suspended with their figures, worst first; suspend and reinstate with a reason. */
export function SellerHealthPage() {
  usePageTitle('Seller health');
  const [view, setView] = useFilterInAddress(sellerHealthViewFromSearch, searchWithSellerHealthView);
  const { sort } = view;
  const show = (next: Partial<SellerHealthView>) => setView({ ...view, ...next });
  const filtered = view.marketplace !== null || view.standing !== null;
  const { data, loading, error, refetch, fetchMore } = useSellerHealthQuery({
    variables: { first: SELLER_HEALTH_PAGE_SIZE, sort, filter: sellerHealthFilterInput(view) },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [changing, setChanging] = useState<string | null>(null);
  const list = data?.sellerHealth;

  return (
    <Page
      titleId="seller-health-title"
      className="sh-page"
      title="Seller health"
      lede={
        <>
          Sellers at risk (under 98% RQS, over 0.80% ODR or under 3.70 stars) and suspended sellers, per marketplace,
          with the figures of their latest evaluation.
        </>
      }
    >
      <div className="sh-toolbar" role="group" aria-label="Filters">
        <label htmlFor="sh-marketplace">Marketplace</label>
        <select
          id="sh-marketplace"
          value={view.marketplace ?? ''}
          onChange={(event) => show({ marketplace: (event.target.value || null) as MarketplaceCode | null })}
        >
          <option value="">All</option>
          {MARKETPLACE_CODES.map((code) => (
            <option key={code} value={code}>
              {MARKETPLACE_NAMES[code]}
            </option>
          ))}
        </select>
        <label htmlFor="sh-standing">Standing</label>
        <select
          id="sh-standing"
          value={view.standing ?? ''}
          onChange={(event) => show({ standing: (event.target.value || null) as ListedStanding | null })}
        >
          <option value="">At risk or suspended</option>
          {LISTED_STANDINGS.map((standing) => (
            <option key={standing} value={standing}>
              {SELLER_QUALITY_STANDING_NAMES[standing]}
            </option>
          ))}
        </select>
      </div>
      {loading && !list ? (
        <LoadingState label="Loading seller health…" />
      ) : error && !list ? (
        <ErrorState title="Seller health could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : (!list || list.edges.length === 0) && filtered ? (
        <EmptyState title="No sellers match these filters">
          Try fewer filters, or{' '}
          <button type="button" className="link-button" onClick={() => show({ marketplace: null, standing: null })}>
            show every seller at risk or suspended
          </button>
          .
        </EmptyState>
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
            {' · '}
            {SELLER_HEALTH_SORT_LABELS[sort]}
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
                  <SortableHeader label="Standing" code="SINCE" sort={sort} onSort={(code) => show({ sort: code })} />
                  <SortableHeader label="RQS" code="RQS" sort={sort} onSort={(code) => show({ sort: code })} />
                  <SortableHeader label="ODR" code="ODR" sort={sort} onSort={(code) => show({ sort: code })} />
                  <SortableHeader label="Rating" code="RATING" sort={sort} onSort={(code) => show({ sort: code })} />
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
          <LoadMore
            pageInfo={list.pageInfo}
            failure="More sellers could not be loaded"
            onLoad={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('sellerHealth') })}
          />
        </div>
      )}
    </Page>
  );
}

/** A column header that orders the list by its figure, worst first; the current order is marked with aria-sort. */
function SortableHeader({
  label,
  code,
  sort,
  onSort,
}: {
  label: string;
  code: SellerHealthSortCode;
  sort: SellerHealthSortCode;
  onSort: (code: SellerHealthSortCode) => void;
}) {
  const active = code === sort;
  return (
    <th scope="col" aria-sort={active ? SORT_DIRECTIONS[code] : undefined}>
      <button type="button" className="sh-sort" aria-pressed={active} onClick={() => onSort(code)}>
        {label}
        <span className="visually-hidden"> (sort: {SELLER_HEALTH_SORT_LABELS[code]})</span>
        <span aria-hidden="true" className="sh-sort-mark">
          {active ? (SORT_DIRECTIONS[code] === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
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
      <th scope="row">
        <Link to={sellerDashboardPath(row)}>{row.seller.name}</Link>
      </th>
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
