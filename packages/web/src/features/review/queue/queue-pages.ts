import { countedNoun, formatCappedCount, type CappedCount } from '../../../ui/capped-count';

/**
 * Above the table: "3 applications" when every one is shown, else "Showing 25 of 1,234
 * applications", or "of 10,000+" when the count stopped at the server's cap.
 */
export function queueCountText(shown: number, total: CappedCount): string {
  return !total.atLeast && total.value === shown
    ? countedNoun(total, 'application', 'applications')
    : `Showing ${shown} of ${formatCappedCount(total)} applications`;
}
