import { describe, expect, it } from 'vitest';
import { budgetSentence, percentOrDash, standingOf } from './quality-format';

describe('budgetSentence', () => {
  const rqs = { enforced: true, breached: false, thresholdBps: 9_800, orders: 100, minimumOrders: 10 };

  it.each([
    [3, '3 more defective orders before 98.00%.'],
    [1, '1 more defective order before 98.00%.'],
    [1234, '1,234 more defective orders before 98.00%.'],
    [0, '0 more defective orders: the next one crosses 98.00%.'],
  ])('budget %i reads %j', (defectBudget, sentence) => {
    expect(budgetSentence({ ...rqs, defectBudget })).toBe(sentence);
  });

  it('says when the figure is already past its threshold', () => {
    expect(budgetSentence({ ...rqs, breached: true, defectBudget: 0 })).toBe('Past 98.00%: no defect budget left.');
  });

  it('says when the minimum orders are not reached', () => {
    expect(budgetSentence({ ...rqs, enforced: false, orders: 9, defectBudget: null })).toBe(
      'Not enforced until 10 orders in the window (9 so far).',
    );
    expect(budgetSentence({ enforced: false, breached: false, thresholdBps: 80, orders: 0, defectBudget: null })).toBe(
      'No orders in the window yet.',
    );
  });
});

describe('standingOf', () => {
  it.each([
    [{ enforced: false, breached: false }, 'NOT_ENFORCED'],
    [{ enforced: true, breached: false }, 'MEETS'],
    [{ enforced: true, breached: true }, 'BREACHED'],
  ] as const)('%j is %s', (figure, standing) => {
    expect(standingOf(figure)).toBe(standing);
  });
});

it('percentOrDash shows a dash for a day without orders', () => {
  expect(percentOrDash(null)).toBe('—');
  expect(percentOrDash(9_850)).toBe('98.50%');
});
