import { useReviewQueueQuery, type ReviewQueueRowFragment } from './review-queue.generated';
import type { CappedCount } from '../../../ui/capped-count';
import { appendPage, LoadMore } from '../../../ui/load-more';
import { Page } from '../../../ui/page';
import { usePageTitle } from '../../../ui/page-title';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/states';
import '../review.css';
import { QueueFilterBar } from './queue-filter-bar';
import {
  isFiltered,
  NO_QUEUE_FILTER,
  queueFilterFromSearch,
  queueFilterInput,
  searchWithQueueFilter,
} from './queue-filter';
import { queueCountText } from './queue-pages';
import { QueueRow } from './queue-row';
import { DataTable } from '../../../ui/scrollable-table';
import { useFilterInAddress } from '../../../ui/address-filter';

export const QUEUE_PAGE_SIZE = 25;

/** Every submitted and claimed application, oldest due first, filtered from the address. */
export function ReviewQueuePage() {
  usePageTitle('Review queue');
  const [filter, setFilter] = useFilterInAddress(queueFilterFromSearch, searchWithQueueFilter);
  const { data, previousData, loading, error, refetch, fetchMore } = useReviewQueueQuery({
    variables: { first: QUEUE_PAGE_SIZE, filter: queueFilterInput(filter) },
    // Decisions and claims elsewhere change the queue: show what is cached, then what is true now.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  // The counts stay on the chips while another filter's answer loads.
  const counts = (data ?? previousData)?.reviewQueueCounts ?? null;
  const queue = data?.reviewQueue;
  return (
    <Page
      titleId="review-queue-title"
      className="rv-review-queue"
      title="Review queue"
      lede={
        <>
          Submitted applications, oldest due first. Due dates count business days in each marketplace&rsquo;s calendar,
          without weekends and its holidays.
        </>
      }
    >
      <QueueFilterBar filter={filter} counts={counts} onChange={setFilter} />
      {loading && !queue ? (
        <LoadingState label="Loading the queue…" />
      ) : error && !queue ? (
        <ErrorState title="The review queue could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !queue || queue.edges.length === 0 ? (
        isFiltered(filter) ? (
          <EmptyState title="No applications match these filters">
            Try fewer filters, or{' '}
            <button type="button" className="link-button" onClick={() => setFilter(NO_QUEUE_FILTER)}>
              show the whole queue
            </button>
            .
          </EmptyState>
        ) : (
          <EmptyState title="No applications are waiting for review">
            Submitted applications appear here, oldest due first.
          </EmptyState>
        )
      ) : (
        <>
          <QueueTable applications={queue.edges.map((edge) => edge.node)} total={queue.count} />
          <LoadMore
            pageInfo={queue.pageInfo}
            className="rv-queue-more"
            failure="More applications could not be loaded"
            onLoad={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('reviewQueue') })}
          />
        </>
      )}
    </Page>
  );
}

export function QueueTable({
  applications,
  total,
}: {
  applications: readonly ReviewQueueRowFragment[];
  total: CappedCount;
}) {
  return (
    <div className="card rv-queue-card">
      <p className="queue-count" role="status">
        {queueCountText(applications.length, total)}
      </p>
      <DataTable
        label="Applications waiting for a decision"
        caption="Applications waiting for a decision, oldest due first"
        className="queue-table rv-queue-table"
        columns={['Seller', 'Marketplace', 'Submitted', 'Due', 'Checks', 'Apple', 'Claimed by']}
      >
        {applications.map((application) => (
          <QueueRow key={application.id} application={application} />
        ))}
      </DataTable>
    </div>
  );
}
