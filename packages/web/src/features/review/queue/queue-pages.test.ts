import { describe, expect, it } from 'vitest';
import type { ReviewQueueQuery } from './review-queue.generated';
import { appendPage } from '../../../ui/load-more';
import { queueCountText } from './queue-pages';

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

const page = (ids: string[], count: number, hasNextPage: boolean, total = count): ReviewQueueQuery => ({
  reviewQueue: {
    count: { value: count, atLeast: false },
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

describe("the queue's Load more (appendPage)", () => {
  const appendQueuePage = (shown: ReviewQueueQuery, next: ReviewQueueQuery) =>
    appendPage('reviewQueue')(shown, { fetchMoreResult: next });

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

describe('queueCountText', () => {
  it('names the whole queue when every application is shown', () => {
    expect(queueCountText(1, { value: 1, atLeast: false })).toBe('1 application');
    expect(queueCountText(3, { value: 3, atLeast: false })).toBe('3 applications');
    expect(queueCountText(0, { value: 0, atLeast: false })).toBe('0 applications');
  });

  it('says how many are shown of an exact count', () => {
    expect(queueCountText(25, { value: 1_234, atLeast: false })).toBe('Showing 25 of 1,234 applications');
  });

  it('shows a count that stopped at the cap as "10,000+", even when the page holds the cap', () => {
    expect(queueCountText(25, { value: 10_000, atLeast: true })).toBe('Showing 25 of 10,000+ applications');
    expect(queueCountText(3, { value: 3, atLeast: true })).toBe('Showing 3 of 3+ applications');
  });
});
