import { describe, expect, it } from 'vitest';
import type { ReviewQueueQuery } from './review-queue.generated';
import { appendQueuePage } from './queue-pages';

type Edge = ReviewQueueQuery['reviewQueue']['edges'][number];

const edge = (id: string): Edge => ({
  cursor: `cursor-${id}`,
  node: {
    id,
    version: 1,
    status: 'SUBMITTED',
    marketplace: 'US',
    submittedAt: '2026-11-02T12:00:00.000Z',
    dueDate: '2026-11-16',
    due: null,
    failingChecks: 0,
    checksNeedingReview: 0,
    appleRequested: false,
    claimedByName: null,
    seller: { id: `org-${id}`, name: `Seller ${id}` },
  },
});

const page = (ids: string[], totalCount: number, hasNextPage: boolean, total = totalCount): ReviewQueueQuery => ({
  reviewQueue: {
    totalCount,
    pageInfo: { hasNextPage, endCursor: ids.length ? `cursor-${ids.at(-1)}` : null },
    edges: ids.map(edge),
  },
  reviewQueueCounts: {
    total,
    submitted: total,
    inReview: 0,
    overdue: 0,
    dueToday: 0,
    dueThisWeek: 0,
    appleRequested: 0,
    failedChecks: 0,
    byMarketplace: [],
  },
});

describe('appendQueuePage', () => {
  it('adds the next page after the rows shown, with the newer paging and counts', () => {
    const merged = appendQueuePage(page(['a', 'b'], 4, true), page(['c', 'd'], 4, false));
    expect(merged.reviewQueue.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.reviewQueue.pageInfo).toEqual({ hasNextPage: false, endCursor: 'cursor-d' });
  });

  it('does not repeat a row the queue shifted onto the next page', () => {
    const merged = appendQueuePage(page(['a', 'b'], 5, true), page(['b', 'c'], 5, true, 5));
    expect(merged.reviewQueue.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(merged.reviewQueueCounts.total).toBe(5);
  });
});
