import type { ReviewDueFieldsFragment } from './queue/review-queue.generated';

/** How urgent a decision is, for the colour of its label. */
export type DueTone = 'overdue' | 'today' | 'soon' | 'later';

export interface DueLabel {
  /** "3 business days left", "due today", "2 business days overdue". */
  readonly text: string;
  readonly tone: DueTone;
}

/** Two business days or fewer reads as "soon": a reviewer should pick it up now. */
const SOON_BUSINESS_DAYS = 2;

const businessDays = (count: number) => `${count} business ${count === 1 ? 'day' : 'days'}`;

/**
 * The decision clock in words, from the server's count of business days (negative when overdue).
 * An application due on a day that has passed without a business day since (due Friday, read on
 * Saturday) is overdue with 0 business days: it says "overdue" rather than "0 business days overdue".
 */
export function dueLabel(due: Pick<ReviewDueFieldsFragment, 'businessDaysLeft' | 'overdue' | 'dueToday'>): DueLabel {
  const left = due.businessDaysLeft;
  if (due.overdue || left < 0) {
    return { text: left < 0 ? `${businessDays(-left)} overdue` : 'overdue', tone: 'overdue' };
  }
  if (due.dueToday) return { text: 'due today', tone: 'today' };
  return { text: `${businessDays(left)} left`, tone: left <= SOON_BUSINESS_DAYS ? 'soon' : 'later' };
}
