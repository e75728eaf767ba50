import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ReviewQueueRowFragment } from './review-queue.generated';
import { queuePathFrom } from '../review-paths';
import { QueueRow } from './queue-row';

function application(overrides: Partial<ReviewQueueRowFragment> = {}): ReviewQueueRowFragment {
  return {
    id: 'app-1',
    version: 3,
    status: 'SUBMITTED',
    marketplace: 'US',
    // 02:30 UTC on Mar 3 is still Mar 2 in Los Angeles, where the US clock counts.
    submittedAt: '2026-03-03T02:30:00.000Z',
    dueDate: '2026-03-16',
    due: { dueDate: '2026-03-16', businessDaysLeft: 3, overdue: false, dueToday: false, dueThisWeek: false },
    failingChecks: 0,
    checksNeedingReview: 0,
    appleRequested: false,
    claimedByName: null,
    seller: { id: 'org-1', name: 'Queue & Co Refurb' },
    ...overrides,
  };
}

function ReviewStandIn() {
  const location = useLocation();
  return (
    <p>
      Reviewing {location.pathname}, back to {queuePathFrom(location.state)}
    </p>
  );
}

/** The row in a table, in the queue at `/review?<search>`, with the review page behind its link. */
function renderRow(row: ReviewQueueRowFragment, search = '') {
  const router = createMemoryRouter(
    [
      {
        path: '/review',
        element: (
          <table>
            <tbody>
              <QueueRow application={row} />
            </tbody>
          </table>
        ),
      },
      { path: '/review/:id', element: <ReviewStandIn /> },
    ],
    { initialEntries: [`/review${search}`] },
  );
  render(<RouterProvider router={router} />);
  return screen.getByRole('row');
}

/** The row's header cell and data cells, in order, as text. */
const cellTexts = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent);

describe('QueueRow', () => {
  it('shows seller, marketplace, submission date in the marketplace, due date with business days left, checks, Apple and claim', () => {
    const row = renderRow(application());
    expect(cellTexts(row)).toEqual([
      'Queue & Co Refurb',
      'US',
      '2 Mar 2026',
      '16 Mar 2026' + '3 business days left',
      'All pass',
      '—',
      'Unclaimed',
    ]);
    expect(within(row).getByRole('link', { name: 'Queue & Co Refurb' })).toHaveAttribute('href', '/review/app-1');
    expect(row).not.toHaveClass('rv-queue-row-overdue');
  });

  it('highlights an overdue application and counts failing and to-review checks', () => {
    const row = renderRow(
      application({
        status: 'IN_REVIEW',
        marketplace: 'CA',
        submittedAt: '2026-02-13T15:00:00.000Z',
        dueDate: '2026-02-27',
        due: { dueDate: '2026-02-27', businessDaysLeft: -2, overdue: true, dueToday: false, dueThisWeek: false },
        failingChecks: 2,
        checksNeedingReview: 1,
        appleRequested: true,
        claimedByName: 'Rita Reviewer',
      }),
    );
    expect(row).toHaveClass('rv-queue-row-overdue');
    expect(within(row).getByText('2 business days overdue')).toHaveClass('rv-due-overdue');
    expect(within(row).getByText('2 failing')).toBeInTheDocument();
    expect(within(row).getByText('1 to review')).toBeInTheDocument();
    expect(within(row).getByText('Requested')).toBeInTheDocument();
    expect(within(row).getByText('Rita Reviewer')).toBeInTheDocument();
    expect(within(row).getByText('CA')).toBeInTheDocument();
  });

  it('says "due today" so it stands out', () => {
    const row = renderRow(
      application({
        due: { dueDate: '2026-03-16', businessDaysLeft: 0, overdue: false, dueToday: true, dueThisWeek: true },
      }),
    );
    expect(within(row).getByText('due today')).toHaveClass('rv-due-today');
  });

  it('opens the review page, remembering the queue filters for the way back', async () => {
    const row = renderRow(application(), '?marketplace=US&due=overdue');
    await userEvent.click(within(row).getByRole('link', { name: 'Queue & Co Refurb' }));
    expect(
      await screen.findByText('Reviewing /review/app-1, back to /review?marketplace=US&due=overdue'),
    ).toBeInTheDocument();
  });
});
