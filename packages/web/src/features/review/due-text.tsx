import type { ReviewDueFieldsFragment } from './queue/review-queue.generated';
import { dueLabel } from './due-label';

/** "3 business days left" in the colour of its urgency; overdue and due today stand out. */
export function DueText({ due }: { due: ReviewDueFieldsFragment }) {
  const { text, tone } = dueLabel(due);
  return <span className={`rv-due rv-due-${tone}`}>{text}</span>;
}
