import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QualityEvaluationPageFragment, QualityEvaluationRowFragment } from './evaluation-history.generated';
import { EvaluationHistory } from './evaluation-history';

const row = (day: string, over: Partial<QualityEvaluationRowFragment> = {}): QualityEvaluationRowFragment => ({
  day,
  standing: 'GOOD',
  breaches: [],
  policyVersion: 1,
  rqs: { basisPoints: 9840, formatted: '98.40%' },
  rqsOrders: 1250,
  rqsMinimum: { formatted: '98.00%' },
  odr: { basisPoints: 30, formatted: '0.30%' },
  odrOrders: 1250,
  odrMaximum: { formatted: '0.80%' },
  averageRating: { hundredths: 440, formatted: '4.40' },
  ratingCount: 300,
  ratingMinimum: { formatted: '3.70' },
  suppressedOffers: 0,
  ...over,
});

const page = (
  rows: QualityEvaluationRowFragment[],
  total: number,
  next: string | null,
): QualityEvaluationPageFragment => ({
  totalCount: total,
  pageInfo: { hasNextPage: next !== null, endCursor: next },
  edges: rows.map((node) => ({ cursor: `c-${node.day}`, node })),
});

/** A client whose only server answers the older page: what the API would send for `after`. */
function clientAnswering(older: QualityEvaluationPageFragment, seen: Array<Record<string, unknown>>) {
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        seen.push(operation.variables);
        observer.next({
          data: {
            qualityDashboard: {
              __typename: 'QualityDashboard',
              evaluations: {
                __typename: 'QualityEvaluationConnection',
                ...older,
                pageInfo: { __typename: 'PageInfo', ...older.pageInfo },
                edges: older.edges.map((edge) => ({
                  __typename: 'QualityEvaluationEdge',
                  cursor: edge.cursor,
                  node: {
                    __typename: 'QualityEvaluation',
                    ...edge.node,
                    rqs: edge.node.rqs && { __typename: 'Percentage', ...edge.node.rqs },
                    rqsMinimum: { __typename: 'Percentage', ...edge.node.rqsMinimum },
                    odr: edge.node.odr && { __typename: 'Percentage', ...edge.node.odr },
                    odrMaximum: { __typename: 'Percentage', ...edge.node.odrMaximum },
                    averageRating: edge.node.averageRating && { __typename: 'StarRating', ...edge.node.averageRating },
                    ratingMinimum: { __typename: 'StarRating', ...edge.node.ratingMinimum },
                  },
                })),
              },
            },
          },
        });
        observer.complete();
      }),
  );
  return new ApolloClient({ cache: new InMemoryCache(), link });
}

describe('EvaluationHistory', () => {
  it('lists the evaluations newest first and says in words which figure missed its threshold', () => {
    const first = page(
      [
        row('2026-11-30', { standing: 'AT_RISK', breaches: ['RQS'], rqs: { basisPoints: 9790, formatted: '97.90%' } }),
        row('2026-11-29'),
      ],
      2,
      null,
    );
    render(
      <ApolloProvider client={clientAnswering(page([], 0, null), [])}>
        <EvaluationHistory sellerId={null} marketplace="US" first={first} />
      </ApolloProvider>,
    );
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['30 Nov 2026', '29 Nov 2026']);
    expect(rows[0]).toHaveTextContent('At risk');
    expect(rows[0]).toHaveTextContent('97.90% of 1,250 orders (min 98.00%) misses Renewed quality score');
    expect(rows[1]).not.toHaveTextContent('misses');
    expect(screen.getByRole('status')).toHaveTextContent('2 evaluations');
    expect(screen.queryByRole('button', { name: 'Show older evaluations' })).toBeNull();
  });

  it('shows older evaluations after the last one shown, on request', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const client = clientAnswering(page([row('2026-11-28')], 3, null), seen);
    render(
      <ApolloProvider client={client}>
        <EvaluationHistory
          sellerId="s1"
          marketplace="CA"
          first={page([row('2026-11-30'), row('2026-11-29')], 3, 'c-29')}
        />
      </ApolloProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Showing the newest 2 of 3 evaluations');
    await userEvent.click(screen.getByRole('button', { name: 'Show older evaluations' }));
    expect(await screen.findByRole('rowheader', { name: '28 Nov 2026' })).toBeInTheDocument();
    expect(seen).toEqual([{ sellerId: 's1', marketplace: 'CA', after: 'c-29' }]);
    expect(screen.getByRole('status')).toHaveTextContent('3 evaluations');
    expect(screen.queryByRole('button', { name: 'Show older evaluations' })).toBeNull();
  });

  it('says so when there is no evaluation yet', () => {
    render(
      <ApolloProvider client={clientAnswering(page([], 0, null), [])}>
        <EvaluationHistory sellerId={null} marketplace="US" first={page([], 0, null)} />
      </ApolloProvider>,
    );
    expect(screen.getByRole('heading', { name: 'No evaluation yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
