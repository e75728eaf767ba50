import type { Locator } from 'playwright-core';
import { AppPage } from './app.page.js';

/** /quality (a seller's own) and /review/sellers/:id/quality (staff): the quality dashboard. */
export class QualityPage extends AppPage {
  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The seller RQS as the card shows it, e.g. "98.40%". */
  get rqsFigure(): Locator {
    return this.page.getByTestId('figure-rqs').locator('.q-figure');
  }

  get rqsBudget(): Locator {
    return this.page.getByTestId('defect-budget-rqs');
  }

  get trendPoints(): Locator {
    return this.page.getByTestId('trend-point');
  }

  /** The evaluation history's table: one row per evaluated day, newest first. */
  get evaluationHistory(): Locator {
    return this.page.getByRole('region', { name: 'Evaluation history' }).getByRole('table');
  }

  /** The newest evaluation as {column: text} (a reader: poll it). */
  async latestEvaluation(): Promise<Record<string, string>> {
    const table = this.evaluationHistory;
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const cells = await table.locator('tbody tr').first().locator('th, td').allInnerTexts();
    return Object.fromEntries(headers.map((header, i) => [header, (cells[i] ?? '').replace(/\s+/g, ' ').trim()]));
  }

  get notApproved(): Locator {
    return this.page.getByTestId('not-approved');
  }

  /** The seller RQS in basis points, or null while it shows none (a reader: poll it). */
  async rqsBasisPoints(): Promise<number | null> {
    const [text] = await this.rqsFigure.allInnerTexts();
    const match = /(\d+)\.(\d{2})%/.exec(text ?? '');
    return match ? Number(match[1]) * 100 + Number(match[2]) : null;
  }

  async openRqsDrillDown(): Promise<void> {
    await this.page.getByRole('button', { name: 'See the orders and complaints behind RQS' }).click();
  }

  /**
   * Invalidates a complaint that still counts and is its order's only complaint (so the order stops
   * counting and RQS rises), with a reason.
   */
  async invalidateOnlyComplaintOfAnOrder(reason: string): Promise<void> {
    const drillDown = this.page.getByTestId('drill-down');
    const rows = drillDown.getByTestId('drill-down-complaint');
    await rows.first().waitFor();
    const orders = await rows.locator('td:first-of-type').allInnerTexts();
    // The last row's order may have another complaint on the next page: never pick it.
    const index = orders.findIndex(
      (order, i) => i < orders.length - 1 && orders.indexOf(order) === orders.lastIndexOf(order),
    );
    if (index < 0) throw new Error('no complaint is the only one of its order on this page');
    await rows
      .nth(index)
      .getByRole('button', { name: /^Invalidate complaint/ })
      .click();
    await drillDown.getByLabel('Why it does not count').fill(reason);
    await drillDown.getByRole('button', { name: 'Confirm invalidation' }).click();
  }
}
