import { describe, expect, it } from 'vitest';
import { dueLabel, type DueLabel } from './due-label';

const due = (businessDaysLeft: number, flags: { overdue?: boolean; dueToday?: boolean } = {}) => ({
  businessDaysLeft,
  overdue: flags.overdue ?? businessDaysLeft < 0,
  dueToday: flags.dueToday ?? false,
});

describe('dueLabel', () => {
  it.each<[string, ReturnType<typeof due>, DueLabel]>([
    ['ten business days ahead', due(10), { text: '10 business days left', tone: 'later' }],
    ['three ahead', due(3), { text: '3 business days left', tone: 'later' }],
    ['two ahead: soon', due(2), { text: '2 business days left', tone: 'soon' }],
    ['one ahead, in the singular', due(1), { text: '1 business day left', tone: 'soon' }],
    ['due today', due(0, { dueToday: true }), { text: 'due today', tone: 'today' }],
    ['one business day overdue', due(-1), { text: '1 business day overdue', tone: 'overdue' }],
    ['two business days overdue', due(-2), { text: '2 business days overdue', tone: 'overdue' }],
    // Due Friday, read on Saturday: past its date with no business day since.
    ['overdue over a weekend', due(0, { overdue: true }), { text: 'overdue', tone: 'overdue' }],
    // Due on a Sunday (a holiday moved it), read on Saturday: not today, no business day before it.
    ['due on a coming non-business day', due(0), { text: '0 business days left', tone: 'soon' }],
  ])('%s', (_case, input, expected) => {
    expect(dueLabel(input)).toEqual(expected);
  });
});
