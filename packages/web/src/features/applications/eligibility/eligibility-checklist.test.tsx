import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { policyFromRecord } from '@recertify/domain';
import type { ApplicationFormState } from '../application-form/form-state';
import { completeForm, exchangeRates, invoice, line, usPolicy } from '../testing/fixtures';
import { LiveEligibilityChecklist } from './eligibility-checklist';
import { toDomainRates } from './policy-mapping';

const now = new Date('2026-03-02T12:00:00.000Z');

function renderChecklist(state: ApplicationFormState, onGoTo = vi.fn(), rates = exchangeRates) {
  render(
    <LiveEligibilityChecklist
      state={state}
      marketplace="US"
      policy={policyFromRecord('US', usPolicy())}
      exchangeRates={toDomainRates(rates)}
      now={now}
      onGoTo={onGoTo}
    />,
  );
  return onGoTo;
}

/** The checklist entry of one criterion, by its name. */
const criterion = (name: string) => screen.getByRole('button', { name }).closest('li')!;

/** One invoice, dated inside the 90-day window, with one line worth `amount` (quantity blacked out). */
const formWorth = (amount: string, unitPrice = '250.00') =>
  completeForm({
    invoices: [invoice({ lines: [line({ unitPrice, quantity: '', quantityBlackedOut: true, amount })] })],
  });

describe('LiveEligibilityChecklist', () => {
  it('passes qualifying purchases of exactly 50,000.00 USD, and says nothing blocks submission', () => {
    renderChecklist(formWorth('50,000.00'));
    const purchases = criterion('Qualifying purchases');
    expect(within(purchases).getByText('Passes')).toBeInTheDocument();
    expect(within(purchases).getByText('Qualifying purchases 50,000.00 of 50,000.00 USD')).toBeInTheDocument();
    expect(screen.getByText('No hard check fails.')).toBeInTheDocument();
  });

  it('fails qualifying purchases of 49,999.99 USD, one cent short, and says it blocks submission', () => {
    renderChecklist(formWorth('49,999.99'));
    const purchases = criterion('Qualifying purchases');
    expect(within(purchases).getByText('Fails')).toBeInTheDocument();
    expect(within(purchases).getByText('Qualifying purchases 49,999.99 of 50,000.00 USD')).toBeInTheDocument();
    expect(screen.getByText('1 check fails: it blocks submission.')).toBeInTheDocument();
  });

  it('excludes a line priced exactly 15.00 and counts one at 15.01', () => {
    const state = completeForm({
      invoices: [
        invoice({
          lines: [
            line({ key: 'a', unitPrice: '15.00', quantity: '100', amount: '1,500.00' }),
            line({ key: 'b', unitPrice: '15.01', quantity: '100', amount: '1,501.00' }),
          ],
        }),
      ],
    });
    renderChecklist(state);
    expect(
      within(criterion('Qualifying purchases')).getByText(
        'Qualifying purchases 1,501.00 of 50,000.00 USD; 1 line excluded at or below 15.00 USD',
      ),
    ).toBeInTheDocument();
  });

  it('compares a CAD unit price with 15.00 USD before rounding, and names the limit in CAD', () => {
    // At 0.7150, 20.98 CAD is 15.0007 USD (counts, though it rounds to 15.00); 20.97 CAD is 14.99355.
    const rates: typeof exchangeRates = [
      { id: 'rate-cad', base: 'CAD', quote: 'USD', validFrom: '2026-01-01', rate: '0.7150' },
    ];
    const state = completeForm({
      invoices: [
        invoice({
          currency: 'CAD',
          lines: [
            line({ key: 'a', unitPrice: '20.98', quantity: '1', amount: '20.98' }),
            line({ key: 'b', unitPrice: '20.97', quantity: '1', amount: '20.97' }),
          ],
        }),
      ],
    });
    renderChecklist(state, vi.fn(), rates);
    expect(
      within(criterion('Qualifying purchases')).getByText(
        'Qualifying purchases 15.00 of 50,000.00 USD; 1 line excluded at or below 15.00 USD ' +
          '(20.97 CAD at the rate of the invoice date)',
      ),
    ).toBeInTheDocument();
  });

  it('counts an invoice dated 91 days back as outside the window', () => {
    // 2026-03-02 in Los Angeles: the window is 2025-12-03 to 2026-03-02.
    const state = completeForm({ invoices: [invoice({ date: '2025-12-02' })] });
    renderChecklist(state);
    expect(
      within(criterion('Qualifying purchases')).getByText(
        'Qualifying purchases 0.00 of 50,000.00 USD; 1 invoice outside the 90-day window',
      ),
    ).toBeInTheDocument();
  });

  it('names the missing views, and an existing seller leaves the ODR to a reviewer', () => {
    const complete = completeForm();
    renderChecklist({
      ...complete,
      existingSeller: true,
      images: complete.images.filter((image) => image.view !== 'RIGHT'),
    });
    expect(
      within(criterion('Sample images')).getByText('7 images, at least 8 required; missing view Right side'),
    ).toBeInTheDocument();
    expect(within(criterion('Order defect rate')).getByText('A reviewer checks')).toBeInTheDocument();
  });

  it('takes the seller to a criterion when its name is pressed', async () => {
    const onGoTo = renderChecklist(formWorth('10.00'));
    await userEvent.click(screen.getByRole('button', { name: 'Qualifying purchases' }));
    expect(onGoTo).toHaveBeenCalledWith(expect.objectContaining({ criterion: 'QUALIFYING_PURCHASES', status: 'FAIL' }));
  });
});
