import type { ReviewQueueQuery } from './review-queue.generated';

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
