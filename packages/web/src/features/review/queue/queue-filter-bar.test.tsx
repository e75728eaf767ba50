import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReviewQueueCountsFieldsFragment } from './review-queue.generated';
import { NO_QUEUE_FILTER } from './queue-filter';
import { QueueFilterBar } from './queue-filter-bar';

const counts: ReviewQueueCountsFieldsFragment = {
  total: 7,
  submitted: 5,
  inReview: 2,
  overdue: 1,
  dueToday: 2,
  dueThisWeek: 4,
  appleRequested: 3,
  failedChecks: 6,
  byMarketplace: [
    { marketplace: 'US', count: 4 },
    { marketplace: 'CA', count: 2 },
    { marketplace: 'MX', count: 1 },
  ],
};

const chip = (group: string, name: RegExp) =>
  within(screen.getByRole('group', { name: group })).getByRole('button', { name });

describe('QueueFilterBar', () => {
  it('shows each chip with its count, and which are pressed', () => {
    render(
      <QueueFilterBar filter={{ ...NO_QUEUE_FILTER, due: 'OVERDUE' }} counts={counts} onChange={() => undefined} />,
    );
    expect(chip('Marketplace', /^US/)).toHaveTextContent('US: 4');
    expect(chip('State', /^Unclaimed/)).toHaveTextContent('Unclaimed: 5');
    expect(chip('Due', /^Overdue/)).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Due', /^Any time/)).toHaveAttribute('aria-pressed', 'false');
    expect(chip('Only', /^Apple requests/)).toHaveTextContent('Apple requests: 3');
    expect(chip('Only', /^Failed checks/)).toHaveTextContent('Failed checks: 6');
  });

  it('adds a chip to the filter, takes a pressed one off, and clears them all', async () => {
    const onChange = vi.fn();
    const filter = { ...NO_QUEUE_FILTER, marketplace: 'CA' as const };
    render(<QueueFilterBar filter={filter} counts={null} onChange={onChange} />);

    await userEvent.click(chip('Only', /^Apple requests/));
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, appleRequested: true });
    await userEvent.click(chip('Marketplace', /^CA/));
    expect(onChange).toHaveBeenLastCalledWith(NO_QUEUE_FILTER);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith(NO_QUEUE_FILTER);
  });
});
