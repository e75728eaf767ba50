import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import type { MarketplaceCode } from '../../generated/graphql';
import { formatDate } from '../../ui/format';
import { LoadMore } from '../../ui/load-more';
import { QUALITY_METRIC_NAMES, SELLER_QUALITY_STANDING_NAMES } from '../../ui/labels';
import { DataTable } from '../../ui/scrollable-table';
import { EmptyState } from '../../ui/states';
import {
  QualityEvaluationsOlderDocument,
  type QualityEvaluationPageFragment,
  type QualityEvaluationRowFragment,
  type QualityEvaluationsOlderQuery,
  type QualityEvaluationsOlderQueryVariables,
} from './evaluation-history.generated';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The seller's evaluation history, newest first: each day the daily job (or an evaluation on
 * demand) judged the figures, what it found against the thresholds of that day's policy, and the
 * standing it left. The newest page comes with the dashboard; older ones when asked for.
 */
export function EvaluationHistory({
  sellerId,
  marketplace,
  first,
}: {
  sellerId: string | null;
  marketplace: MarketplaceCode;
  first: QualityEvaluationPageFragment;
}) {
  const client = useApolloClient();
  const [older, setOlder] = useState<QualityEvaluationPageFragment[]>([]);
  const last = older.at(-1) ?? first;
  const rows = [first, ...older].flatMap((page) => page.edges.map((edge) => edge.node));

  const showOlder = async (after: string) => {
    const { data } = await client.query<QualityEvaluationsOlderQuery, QualityEvaluationsOlderQueryVariables>({
      query: QualityEvaluationsOlderDocument,
      variables: { sellerId, marketplace, after },
      fetchPolicy: 'network-only',
    });
    if (data) setOlder((pages) => [...pages, data.qualityDashboard.evaluations]);
  };

  return (
    <section className="card q-evaluations" aria-labelledby="q-evaluations-title">
      <h2 id="q-evaluations-title">Evaluation history</h2>
      {rows.length === 0 ? (
        <EmptyState level={3} title="No evaluation yet">
          The daily evaluation judges these figures each night; each one it makes is listed here with the standing it
          left.
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {rows.length === first.totalCount
              ? count(first.totalCount, 'evaluation', 'evaluations')
              : `Showing the newest ${rows.length} of ${count(first.totalCount, 'evaluation', 'evaluations')}`}
            , each against the thresholds of the policy in force that day.
          </p>
          <DataTable
            label="Evaluation history"
            caption="Evaluations of the seller, newest first"
            className="q-evaluation-table"
            columns={['Day', 'Standing', 'RQS', 'ODR', 'Rating', 'Suppressed offers', 'Policy']}
          >
            {rows.map((row) => (
              <EvaluationRow key={row.day} row={row} />
            ))}
          </DataTable>
          <LoadMore
            pageInfo={last.pageInfo}
            label="Show older evaluations"
            busyLabel="Loading…"
            failure="Older evaluations could not be loaded"
            onLoad={showOlder}
          />
        </>
      )}
    </section>
  );
}

function EvaluationRow({ row }: { row: QualityEvaluationRowFragment }) {
  const missed = new Set(row.breaches);
  // Words, not colour alone, mark a figure that missed its threshold.
  const mark = (metric: 'RQS' | 'ODR' | 'RATING') =>
    missed.has(metric) ? <strong className="q-missed"> misses {QUALITY_METRIC_NAMES[metric]}</strong> : null;
  return (
    <tr>
      <th scope="row">{formatDate(row.day)}</th>
      <td>{SELLER_QUALITY_STANDING_NAMES[row.standing]}</td>
      <td>
        {row.rqs ? `${row.rqs.formatted} of ${count(row.rqsOrders, 'order', 'orders')}` : 'No orders'} (min{' '}
        {row.rqsMinimum.formatted}){mark('RQS')}
      </td>
      <td>
        {row.odr ? `${row.odr.formatted} of ${count(row.odrOrders, 'order', 'orders')}` : 'No orders'} (max{' '}
        {row.odrMaximum.formatted}){mark('ODR')}
      </td>
      <td>
        {row.averageRating
          ? `${row.averageRating.formatted} of ${count(row.ratingCount, 'rating', 'ratings')}`
          : 'No ratings'}{' '}
        (min {row.ratingMinimum.formatted}){mark('RATING')}
      </td>
      <td>{row.suppressedOffers}</td>
      <td>v{row.policyVersion}</td>
    </tr>
  );
}
