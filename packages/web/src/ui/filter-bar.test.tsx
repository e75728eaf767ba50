import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChoiceChips, FilterBar, MarketplaceChips } from './filter-bar';

const COLOURS = [
  { value: 'RED', label: 'Red', count: 3, alert: true },
  { value: 'BLUE', label: 'Blue', count: 0 },
] as const;

describe('FilterBar and its chips', () => {
  it('names the bar and each group, and reads each count after its label', () => {
    render(
      <FilterBar label="Filter the paints">
        <ChoiceChips label="Colour" anyLabel="All" anyCount={3} value="RED" choices={COLOURS} onChange={vi.fn()} />
      </FilterBar>,
    );
    const group = within(screen.getByRole('search', { name: 'Filter the paints' })).getByRole('group', {
      name: 'Colour',
    });
    const chip = (name: RegExp) => within(group).getByRole('button', { name });
    expect(chip(/^All/)).toHaveTextContent('All: 3');
    expect(chip(/^All/)).toHaveAttribute('aria-pressed', 'false');
    expect(chip(/^Red/)).toHaveTextContent('Red: 3');
    expect(chip(/^Red/)).toHaveAttribute('aria-pressed', 'true');
    expect(chip(/^Red/)).toHaveClass('filter-chip-alert');
    expect(chip(/^Blue/)).toHaveTextContent('Blue: 0');
    expect(chip(/^Blue/)).not.toHaveClass('filter-chip-alert');
  });

  it('chooses a value, goes back to any when the chosen chip is pressed again or "any" is', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <ChoiceChips label="Colour" anyLabel="Any" value={null} choices={COLOURS} onChange={onChange} />,
    );
    await user.click(screen.getByRole('button', { name: /^Blue/ }));
    expect(onChange).toHaveBeenLastCalledWith('BLUE');

    rerender(<ChoiceChips label="Colour" anyLabel="Any" value="BLUE" choices={COLOURS} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: /^Blue/ }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    await user.click(screen.getByRole('button', { name: 'Any' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('shows no count while the counts load, and each marketplace by code with its name as a tooltip', () => {
    render(<MarketplaceChips value={null} countOf={() => undefined} onChange={vi.fn()} />);
    const us = screen.getByRole('button', { name: 'US' });
    expect(us).toHaveAttribute('title', 'United States');
    expect(us).toHaveTextContent(/^US$/);
  });
});
