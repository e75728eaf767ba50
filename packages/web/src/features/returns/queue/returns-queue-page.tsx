import { useState } from 'react';
import { Link } from 'react-router';
import { useFilterInAddress } from '../../../ui/address-filter';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import '../returns.css';
import { RETURN_SETTINGS_PATH } from '../returns-paths';
import { useReturnsQueueCountsQuery, useReturnsQueueQuery } from './returns-queue.generated';
import {
  isReturnsFiltered,
  returnsFilterFromSearch,
  returnsQueryArgs,
  searchWithReturnsFilter,
  withoutReturnsFilters,
  type ReturnsFilter,
  type ReturnsQueryArgs,
} from './returns-filter';
import { ReturnsFilterBar } from './returns-filter-bar';
import { ReturnsQueueView } from './returns-queue-view';
import { useBulkReturns } from './use-bulk-returns';

export const RETURNS_PAGE_SIZE = 25;

/** Today in UTC (YYYY-MM-DD): "deadline within a week" counts from it. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The seller's returns queue: filters and search in the address, one page at a time (keyset
 * cursors; Previous goes back through the cursors already seen), bulk authorize and close.
 */
export function ReturnsQueuePage() {
  usePageTitle('Returns');
  const [filter, onFilter] = useFilterInAddress(returnsFilterFromSearch, searchWithReturnsFilter);
  const args = returnsQueryArgs(filter, todayUtc());
  const counts = useReturnsQueueCountsQuery({
    variables: { filter: args.filter, search: args.search },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Page
      titleId="returns-title"
      className="rt-returns-queue"
      title="Returns"
      lede={
        <>
          Your buyers&rsquo; return requests, each with what the return policy says of it. Select several to authorize
          or close them at once: each one reports its own result, and repeating an action changes nothing more.{' '}
          <Link to={RETURN_SETTINGS_PATH}>Return settings</Link>
        </>
      }
    >
      <ReturnsFilterBar
        filter={filter}
        // The counts stay on the chips while another filter's answer loads.
        counts={(counts.data ?? counts.previousData)?.returnRequestCounts ?? null}
        onChange={onFilter}
      />
      {/* A new filter or search starts again at page 1. */}
      <QueuePages
        key={searchWithReturnsFilter(filter).toString()}
        filter={filter}
        args={args}
        onFilter={onFilter}
        onChanged={() => void counts.refetch()}
      />
    </Page>
  );
}

function QueuePages({
  filter,
  args,
  onFilter,
  onChanged,
}: {
  filter: ReturnsFilter;
  args: ReturnsQueryArgs;
  onFilter: (filter: ReturnsFilter) => void;
  onChanged: () => void;
}) {
  // The cursor each page starts after: page 1 starts at the top.
  const [cursors, setCursors] = useState<ReadonlyArray<string | null>>([null]);
  const page = cursors.length;
  const { data, loading, error, refetch } = useReturnsQueueQuery({
    variables: { first: RETURNS_PAGE_SIZE, after: cursors[page - 1] ?? null, ...args },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const bulk = useBulkReturns();
  const queue = data?.returnRequests;
  const endCursor = queue?.pageInfo.endCursor ?? null;

  if (loading && !queue) return <LoadingState label="Loading returns…" />;
  if (error && !queue) {
    return <ErrorState title="The returns could not be loaded" error={error} onRetry={() => void refetch()} />;
  }
  if (!queue || queue.edges.length === 0) {
    return isReturnsFiltered(filter) ? (
      <EmptyState title="No returns match these filters">
        Try fewer filters, or{' '}
        <button type="button" className="link-button" onClick={() => onFilter(withoutReturnsFilters(filter))}>
          show every return
        </button>
        .
      </EmptyState>
    ) : (
      <EmptyState title="No return requests yet">
        When a buyer asks to return an item, the request appears here and you get an email.
      </EmptyState>
    );
  }
  return (
    <ReturnsQueueView
      rows={queue.edges.map((edge) => edge.node)}
      total={queue.count}
      onBulk={async (request) => {
        const outcomes = await bulk(request);
        // Each result carries the return as it is now: the rows update in place, each showing what
        // happened to it, and the chips count again.
        onChanged();
        return outcomes;
      }}
      paging={{
        page,
        before: (page - 1) * RETURNS_PAGE_SIZE,
        hasPrevious: page > 1,
        hasNext: queue.pageInfo.hasNextPage && endCursor !== null,
        onPrevious: () => setCursors((current) => current.slice(0, -1)),
        onNext: () => setCursors((current) => [...current, endCursor]),
      }}
    />
  );
}
