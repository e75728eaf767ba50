import { useState, type FormEvent } from 'react';
import { OFFER_STATUS_LABELS } from '@recertify/domain';
import { appendPage, LoadMore } from '../../ui/load-more';
import { DataTable } from '../../ui/scrollable-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import type { MarketplaceCode } from '../../generated/graphql';
import { useQualityOffersQuery, type QualityOfferRowFragment } from './quality-offers.generated';
import { budgetSentence, FIGURE_STANDING_LABELS, standingOf } from './quality-format';

export const OFFER_PAGE_SIZE = 20;

/** The seller's offers, worst RQS first, with a search by SKU or product and "Load more". */
export function OfferTable({
  sellerId,
  marketplace,
  onDrillDown,
}: {
  sellerId: string | null;
  marketplace: MarketplaceCode;
  onDrillDown: (offer: QualityOfferRowFragment) => void;
}) {
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const { data, loading, error, refetch, fetchMore } = useQualityOffersQuery({
    variables: { sellerId, marketplace, first: OFFER_PAGE_SIZE, search: search || null },
    notifyOnNetworkStatusChange: true,
  });
  const offers = data?.qualityOffers;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
  };
  return (
    <section className="card q-offers" aria-labelledby="q-offers-title">
      <h2 id="q-offers-title">Offers, worst RQS first</h2>
      <form role="search" className="q-search" onSubmit={submit}>
        <label htmlFor="q-offer-search">Search by SKU or product</label>
        <input
          id="q-offer-search"
          type="search"
          maxLength={100}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button button-secondary button-small">
          Search
        </button>
      </form>
      {loading && !offers ? (
        <LoadingState label="Loading offers…" />
      ) : error && !offers ? (
        <ErrorState level={3} title="The offers could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !offers || offers.edges.length === 0 ? (
        <EmptyState level={3} title={search ? `No offer matches “${search}”` : 'No offers yet'}>
          {search
            ? 'Try part of the SKU or of the product name.'
            : 'Offers appear here once the marketplace sends them.'}
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {offers.edges.length === offers.totalCount
              ? `${offers.totalCount} ${offers.totalCount === 1 ? 'offer' : 'offers'}`
              : `Showing ${offers.edges.length} of ${offers.totalCount} offers`}
          </p>
          <DataTable
            label="Offers by RQS"
            caption="Offers by RQS, worst first"
            className="q-offer-table"
            columns={['SKU', 'Product', 'RQS', 'Orders', 'Defect budget', 'Standing', 'Status']}
          >
            {offers.edges.map(({ node }) => (
              <tr key={node.id} data-testid="offer-row">
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onDrillDown(node)}>
                    {node.sku}
                  </button>
                </th>
                <td>{node.product}</td>
                <td>{node.rqs.value?.formatted ?? '—'}</td>
                <td>
                  {node.rqs.orders.toLocaleString('en-US')} ({node.rqs.defectiveOrders.toLocaleString('en-US')} with a
                  complaint)
                </td>
                <td>{budgetSentence({ ...node.rqs, thresholdBps: node.rqs.minimum.basisPoints })}</td>
                <td>{FIGURE_STANDING_LABELS[standingOf(node.rqs)]}</td>
                <td>{OFFER_STATUS_LABELS[node.status]}</td>
              </tr>
            ))}
          </DataTable>
          <LoadMore
            pageInfo={offers.pageInfo}
            label="Load more offers"
            failure="More offers could not be loaded"
            onLoad={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('qualityOffers') })}
          />
        </>
      )}
    </section>
  );
}
