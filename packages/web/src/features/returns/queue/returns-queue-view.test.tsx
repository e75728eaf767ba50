import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { BulkOutcome, ReturnsQueueRow } from './queue-types';
import { ReturnsQueueView, type BulkRequest } from './returns-queue-view';

function row(id: string, overrides: Partial<ReturnsQueueRow> = {}): ReturnsQueueRow {
  return {
    id,
    state: 'REQUESTED',
    marketplace: 'US',
    orderExternalId: `order-${id}`,
    rma: null,
    reason: 'DEFECTIVE',
    inPolicy: true,
    requestedAt: '2026-11-20T15:00:00.000Z',
    deadline: null,
    items: [{ sku: 'PH-1', title: 'Renewed phone', quantity: 1 }],
    ...overrides,
  };
}

const rows = [
  row('a'),
  row('b', { state: 'CLOSED', inPolicy: false }),
  row('c', {
    items: [
      { sku: 'A', title: null, quantity: 1 },
      { sku: 'B', title: 'Case', quantity: 2 },
    ],
  }),
];
const paging = {
  page: 1,
  before: 0,
  hasPrevious: false,
  hasNext: false,
  onPrevious: () => undefined,
  onNext: () => undefined,
};

function renderView(
  onBulk: (request: BulkRequest) => Promise<readonly BulkOutcome[]>,
  total = { value: 3, atLeast: false },
  at = paging,
) {
  const router = createMemoryRouter(
    [{ path: '/returns', element: <ReturnsQueueView rows={rows} total={total} onBulk={onBulk} paging={at} /> }],
    { initialEntries: ['/returns?state=requested'] },
  );
  render(<RouterProvider router={router} />);
}

const rowOf = (order: string) => screen.getByRole('rowheader', { name: new RegExp(`^${order}`) }).closest('tr')!;
const boxOf = (order: string) => screen.getByRole('checkbox', { name: `Select the return of order ${order}` });

describe('ReturnsQueueView', () => {
  it('says how many returns there are: exactly, or as the lower bound the server capped it at', () => {
    renderView(() => Promise.resolve([]));
    expect(screen.getByRole('status')).toHaveTextContent('3 returns');
  });

  it('shows a capped total as "10,000+", on the first page and the next', () => {
    renderView(() => Promise.resolve([]), { value: 10_000, atLeast: true });
    expect(screen.getByRole('status')).toHaveTextContent('Page 1: returns 1 to 3 of 10,000+');
  });

  it('a total that is the cap exactly, not beyond it, reads without the plus', () => {
    renderView(() => Promise.resolve([]), { value: 10_000, atLeast: false }, { ...paging, page: 2, before: 25 });
    expect(screen.getByRole('status')).toHaveTextContent('Page 2: returns 26 to 28 of 10,000');
    expect(screen.getByRole('status')).not.toHaveTextContent('+');
  });

  it('selects rows with the keyboard and the whole page with one box, which reads as mixed in between', async () => {
    renderView(() => Promise.resolve([]));
    const user = userEvent.setup();
    const pageBox = screen.getByRole('checkbox', { name: 'Select every return on this page' });
    expect(screen.getByRole('button', { name: 'Authorize selected' })).toBeDisabled();

    boxOf('order-a').focus();
    await user.keyboard(' ');
    expect(boxOf('order-a')).toBeChecked();
    expect(pageBox).toHaveProperty('indeterminate', true);
    expect(screen.getByText('1 selected')).toBeInTheDocument();

    await user.click(pageBox);
    for (const r of rows) expect(boxOf(r.orderExternalId)).toBeChecked();
    expect(pageBox).toBeChecked();
    await user.click(pageBox);
    expect(screen.getByText('Select returns to act on several at once.')).toBeInTheDocument();
  });

  it('authorizes the selection and shows each row its own result, keeping the refused selected', async () => {
    const onBulk = vi.fn((request: BulkRequest) =>
      Promise.resolve<BulkOutcome[]>(
        request.returnIds.map((returnId) =>
          returnId === 'b'
            ? {
                returnId,
                ok: false,
                code: 'INVALID_TRANSITION',
                message: 'This return is closed; it can no longer be authorized.',
              }
            : { returnId, ok: true, state: 'AUTHORIZED', rma: `RMA-${returnId.toUpperCase()}` },
        ),
      ),
    );
    renderView(onBulk);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Select every return on this page' }));
    await user.click(screen.getByRole('button', { name: 'Authorize selected' }));

    expect(onBulk).toHaveBeenCalledWith({ action: 'AUTHORIZE', returnIds: ['a', 'b', 'c'] });
    expect(await screen.findByText('2 returns authorized; 1 could not be: its row says why.')).toBeInTheDocument();
    expect(within(rowOf('order-a')).getByText('Authorized · RMA RMA-A')).toBeInTheDocument();
    expect(
      within(rowOf('order-b')).getByText('This return is closed; it can no longer be authorized.'),
    ).toBeInTheDocument();
    expect(boxOf('order-b')).toBeChecked();
    expect(boxOf('order-a')).not.toBeChecked();
  });

  it('closes with a reason that fits the selected returns, and says so when the call fails as a whole', async () => {
    const onBulk = vi.fn(() => Promise.reject(new Error('Could not reach Recertify.')));
    renderView(onBulk);
    const user = userEvent.setup();
    await user.click(boxOf('order-a'));
    const reason = screen.getByRole('combobox', { name: 'Close reason' });
    // A requested return cannot be closed as "not returned": that reason is not offered.
    expect(within(reason).queryByRole('option', { name: 'Not returned by the deadline' })).toBeNull();
    await user.selectOptions(reason, 'Declined by the seller');
    await user.click(screen.getByRole('button', { name: 'Close selected' }));

    expect(onBulk).toHaveBeenCalledWith({ action: 'CLOSE', returnIds: ['a'], closeReason: 'DECLINED' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was changed: Could not reach Recertify.');
    expect(boxOf('order-a')).toBeChecked();
  });
});
