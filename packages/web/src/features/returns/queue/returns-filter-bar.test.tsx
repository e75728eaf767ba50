import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReturnsCounts } from './queue-types';
import { NO_RETURNS_FILTER } from './returns-filter';
import { ReturnsFilterBar } from './returns-filter-bar';

const exactly = (value: number) => ({ value, atLeast: false });
const atLeast = (value: number) => ({ value, atLeast: true });

const counts: ReturnsCounts = {
  total: atLeast(10_000),
  byState: [
    { state: 'REQUESTED', count: atLeast(10_000) },
    { state: 'AUTHORIZED', count: exactly(10_000) },
  ],
  byReason: [
    { reason: 'DEFECTIVE', count: exactly(3) },
    { reason: 'WRONG_ITEM', count: atLeast(10_000) },
  ],
  byMarketplace: [{ marketplace: 'US', count: exactly(9) }],
  inPolicy: exactly(10),
  outOfPolicy: exactly(2),
  dueWithinWeek: exactly(3),
};

const chip = (group: string, name: RegExp) =>
  within(screen.getByRole('group', { name: group })).getByRole('button', { name });

describe('ReturnsFilterBar', () => {
  it('shows each chip with its count (0 where none, "10,000+" where capped), and the reasons with theirs', () => {
    render(
      <ReturnsFilterBar
        filter={{ ...NO_RETURNS_FILTER, policy: 'OUT_OF_POLICY' }}
        counts={counts}
        onChange={vi.fn()}
      />,
    );
    expect(chip('State', /^All/)).toHaveTextContent('All: 10,000+');
    expect(chip('State', /^Requested/)).toHaveTextContent('Requested: 10,000+');
    expect(chip('State', /^Authorized/)).toHaveTextContent('Authorized: 10,000');
    expect(chip('State', /^Authorized/)).not.toHaveTextContent('+');
    expect(chip('State', /^Refunded/)).toHaveTextContent('Refunded: 0');
    expect(chip('Policy', /^Out of policy/)).toHaveAttribute('aria-pressed', 'true');
    expect(chip('Marketplace', /^US/)).toHaveTextContent('US: 9');
    expect(chip('Due', /^Deadline within 7 days/)).toHaveTextContent('Deadline within 7 days: 3');
    expect(screen.getByRole('option', { name: 'Defective or does not work (3)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Wrong item sent (10,000+)' })).toBeInTheDocument();
  });

  it('adds and removes chips, picks a reason and a sort, searches on Enter, and clears', async () => {
    const onChange = vi.fn();
    const filter = { ...NO_RETURNS_FILTER, state: 'REQUESTED' as const };
    render(<ReturnsFilterBar filter={filter} counts={null} onChange={onChange} />);
    const user = userEvent.setup();

    await user.click(chip('State', /^Requested/));
    expect(onChange).toHaveBeenLastCalledWith(NO_RETURNS_FILTER);
    await user.click(chip('Policy', /^In policy/));
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, policy: 'IN_POLICY' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Wrong item sent');
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, reason: 'WRONG_ITEM' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Oldest request first');
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, sort: 'OLDEST' });
    await user.type(screen.getByRole('searchbox', { name: 'Search by RMA or order' }), ' 7KQ2M-9XD4P {Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ ...filter, search: '7KQ2M-9XD4P' });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onChange).toHaveBeenLastCalledWith(NO_RETURNS_FILTER);
  });
});
