import { countedNoun, formatCappedCount, type CappedCount } from '../../../ui/capped-count';
import type { ReviewQueueQuery } from './review-queue.generated';

/**
 * Above the table: "3 applications" when every one is shown, else "Showing 25 of 1,234
 * applications", or "of 10,000+" when the count stopped at the server's cap.
 */
export function queueCountText(shown: number, total: CappedCount): string {
  return !total.atLeast && total.value === shown
    ? countedNoun(total, 'application', 'applications')
    : `Showing ${shown} of ${formatCappedCount(total)} applications`;
}

/**
 * "Load more": the next page after the rows already shown. Counts and paging come from the newer
 * answer; a row already shown is not repeated (the queue may have shifted between the two pages).
 */
export function appendQueuePage(shown: ReviewQueueQuery, next: ReviewQueueQuery): ReviewQueueQuery {
  const seen = new Set(shown.reviewQueue.edges.map((edge) => edge.node.id));
  return {
    ...next,
    reviewQueue: {
      ...next.reviewQueue,
      edges: [...shown.reviewQueue.edges, ...next.reviewQueue.edges.filter((edge) => !seen.has(edge.node.id))],
    },
  };
}
