import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { summaryOf, TrendChart, yDomain, type TrendPoint } from './trend-chart';

const day = (i: number) => `2026-11-${String(i + 1).padStart(2, '0')}`;
const points: TrendPoint[] = [
  { date: day(0), valueBps: null, thresholdBps: 9_800, orders: 0 },
  { date: day(1), valueBps: 9_900, thresholdBps: 9_800, orders: 50 },
  { date: day(2), valueBps: 9_750, thresholdBps: 9_800, orders: 80 },
  { date: day(3), valueBps: 9_820, thresholdBps: 9_800, orders: 100 },
];

describe('TrendChart', () => {
  it('draws a marker for every day with orders, the dashed threshold and its label', () => {
    render(<TrendChart title="Seller RQS" points={points} threshold="minimum" />);
    const chart = screen.getByRole('img', { name: /Seller RQS/ });
    expect(within(chart.closest('svg')!.parentElement!).getAllByTestId('trend-point')).toHaveLength(3);
    expect(screen.getByTestId('threshold-line')).toHaveAttribute('stroke-dasharray', '6 4');
    expect(chart).toHaveTextContent('Min 98.00%');
    // The day under the minimum is marked by shape (a larger marker), not only by colour.
    expect(chart.querySelectorAll('.q-trend-point-breach')).toHaveLength(1);
  });

  it('names the figure, its range and the threshold in words', () => {
    render(<TrendChart title="Seller RQS" points={points} threshold="minimum" />);
    expect(
      screen.getByRole('img', { name: /went from 99\.00% on 2 Nov 2026 to 98\.20% on 4 Nov 2026; minimum 98\.00%/ }),
    ).toBeInTheDocument();
  });

  it('has every day in a table, visually hidden until asked for', async () => {
    render(<TrendChart title="Order defect rate" points={points} threshold="maximum" />);
    const table = screen.getByRole('table', { name: 'Order defect rate, day by day' });
    expect(within(table).getAllByRole('row')).toHaveLength(points.length + 1);
    expect(within(table).getByRole('row', { name: /1 Nov 2026 — 98\.00% 0/ })).toBeInTheDocument();
    expect(table.parentElement).toHaveClass('visually-hidden');
    await userEvent.click(screen.getByRole('button', { name: 'Show as a table' }));
    expect(table.parentElement).not.toHaveClass('visually-hidden');
    expect(screen.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('summaryOf', () => {
  it('counts the days that missed the threshold', () => {
    expect(summaryOf('Seller RQS', points, 'minimum')).toMatch(/missed the threshold on 1 of 4 days/);
  });

  it('says so when there were no orders', () => {
    const empty = points.map((p) => ({ ...p, valueBps: null }));
    expect(summaryOf('Seller RQS', empty, 'minimum')).toBe('Seller RQS: no orders in the last 4 days; minimum 98.00%.');
  });
});

describe('yDomain', () => {
  it('keeps the threshold and every value in view', () => {
    const [low, high] = yDomain(points, 'minimum');
    expect(low).toBeLessThan(9_750);
    expect(high).toBe(10_000);
    const [zero, top] = yDomain([{ date: day(0), valueBps: 120, thresholdBps: 80, orders: 1 }], 'maximum');
    expect(zero).toBe(0);
    expect(top).toBeGreaterThan(120);
  });
});
