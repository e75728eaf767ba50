import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProgramRules } from './program-rules';

vi.mock('./program-rules.generated', () => ({
  useProgramRulesQuery: () => ({ loading: true, data: undefined, error: undefined, refetch: () => undefined }),
}));

describe('the program rules page', () => {
  it('spells out RQS and ODR before the rules use them', () => {
    render(<ProgramRules />);
    const rqs = screen.getByText('RQS', { selector: 'abbr' });
    expect(rqs).toHaveAttribute('title', 'Renewed Quality Score');
    expect(screen.getByText('ODR', { selector: 'abbr' })).toHaveAttribute('title', 'order defect rate');
    expect(screen.getByText(/^The share of orders with no reported defect/)).toBeInTheDocument();
    expect(screen.getByText(/^The share of orders with at least one order defect/)).toBeInTheDocument();
  });
});
