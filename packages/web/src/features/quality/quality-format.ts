import { formatBps } from '@recertify/domain';

/*
 * What the dashboard says about a figure, in words: its standing against the threshold and its
 * defect budget. Pure, so the cards, the offer table and the tests read the same sentences.
 */

export type FigureStanding = 'MEETS' | 'BREACHED' | 'NOT_ENFORCED';

export const FIGURE_STANDING_LABELS: Readonly<Record<FigureStanding, string>> = {
  MEETS: 'Meets the threshold',
  BREACHED: 'Misses the threshold',
  NOT_ENFORCED: 'Not enforced yet',
};

export function standingOf(figure: { readonly enforced: boolean; readonly breached: boolean }): FigureStanding {
  if (!figure.enforced) return 'NOT_ENFORCED';
  return figure.breached ? 'BREACHED' : 'MEETS';
}

const orders = (count: number) => `${count.toLocaleString('en-US')} ${count === 1 ? 'order' : 'orders'}`;
const defective = (count: number) =>
  `${count.toLocaleString('en-US')} more defective ${count === 1 ? 'order' : 'orders'}`;

/**
 * "3 more defective orders before 98.00%": how many more of the window's orders can turn defective
 * before the figure crosses its threshold. At zero, one more crosses it; when already across, there
 * is none left; while the minimum orders are not reached, nothing is enforced.
 */
export function budgetSentence(figure: {
  readonly enforced: boolean;
  readonly breached: boolean;
  readonly defectBudget: number | null;
  readonly thresholdBps: number;
  readonly orders: number;
  readonly minimumOrders?: number;
}): string {
  const threshold = formatBps(figure.thresholdBps);
  if (!figure.enforced || figure.defectBudget === null) {
    return figure.minimumOrders !== undefined
      ? `Not enforced until ${orders(figure.minimumOrders)} in the window (${figure.orders.toLocaleString('en-US')} so far).`
      : 'No orders in the window yet.';
  }
  if (figure.breached) return `Past ${threshold}: no defect budget left.`;
  if (figure.defectBudget === 0) return `0 more defective orders: the next one crosses ${threshold}.`;
  return `${defective(figure.defectBudget)} before ${threshold}.`;
}

/** A percentage held in basis points, or a dash for a day without orders. */
export function percentOrDash(bps: number | null | undefined): string {
  return bps === null || bps === undefined ? '—' : formatBps(bps);
}
