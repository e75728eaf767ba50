/** Audit actions as a seller reads them on the timeline. */
const TIMELINE_WORDS: Readonly<Record<string, string>> = {
  STARTED: 'Application started',
  SUBMITTED: 'Submitted for review',
  RESUBMITTED: 'Resubmitted with the requested information',
  CLAIMED: 'A reviewer started the review',
  RELEASED: 'Put back in the review queue',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  NEEDS_INFO: 'More information requested',
  WITHDRAWN: 'Withdrawn',
  DRAFT_SAVED: 'Draft saved',
};

export function describeTimelineAction(action: string): string {
  if (Object.hasOwn(TIMELINE_WORDS, action)) return TIMELINE_WORDS[action] ?? action;
  const words = action.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Due in 3 business days", "Due today", "Overdue by 2 business days". */
export function describeDue(due: { businessDaysLeft: number; overdue: boolean; dueToday: boolean }): string {
  if (due.dueToday) return 'due today';
  const days = Math.abs(due.businessDaysLeft);
  const span = `${days} business ${days === 1 ? 'day' : 'days'}`;
  return due.overdue ? `overdue by ${span}` : `due in ${span}`;
}
