import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../../ui/labels';
import { describeDue } from './timeline';

describe('auditActionLabel', () => {
  it.each([
    ['SUBMITTED', 'Submitted for review'],
    ['NEEDS_INFO', 'More information requested'],
    ['CLAIMED', 'A reviewer started the review'],
    ['SOMETHING_NEW', 'Something new'],
  ])('%s reads "%s"', (action, words) => {
    expect(auditActionLabel(action)).toBe(words);
  });
});

describe('describeDue', () => {
  it.each([
    [{ businessDaysLeft: 3, overdue: false, dueToday: false }, 'due in 3 business days'],
    [{ businessDaysLeft: 1, overdue: false, dueToday: false }, 'due in 1 business day'],
    [{ businessDaysLeft: 0, overdue: false, dueToday: true }, 'due today'],
    [{ businessDaysLeft: -2, overdue: true, dueToday: false }, 'overdue by 2 business days'],
  ])('%j reads "%s"', (due, words) => {
    expect(describeDue(due)).toBe(words);
  });
});
