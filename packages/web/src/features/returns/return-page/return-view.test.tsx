import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ReturnAddressFields, ReturnDetail } from './return-detail-types';
import { ReturnView, type ReturnDownloads } from './return-view';

const requested: ReturnDetail = {
  id: 'ret-1',
  version: 1,
  state: 'REQUESTED',
  marketplace: 'US',
  orderExternalId: '112-4471',
  orderDeliveredAt: '2026-11-01T18:00:00.000Z',
  items: [{ sku: 'PH-12', title: 'Renewed phone 12', quantity: 1, categoryName: 'Phones' }],
  reason: 'DEFECTIVE',
  buyerComment: 'The screen flickers.',
  buyerName: 'Bo Buyer',
  requestedAt: '2026-11-20T15:00:00.000Z',
  inPolicy: false,
  policyExplanation: 'Requested 19 days after the window closed on 1 Dec.',
  returnWindowDays: 30,
  lastDayToRequest: '2026-12-01',
  authorizationMode: 'MANUAL',
  authorizationExplanation: 'Waiting for your review: out-of-policy requests are reviewed by you.',
  labelKind: 'UNPAID',
  rma: null,
  rmaGenerated: false,
  authorizedAt: null,
  deadline: null,
  closedAt: null,
  closeReason: null,
  closedNote: null,
  expiredAt: null,
  returnAddress: null,
  messages: [],
  allowedEvents: ['AUTHORIZE', 'CLOSE'],
};

const addresses: ReturnAddressFields[] = [
  {
    id: 'a1',
    name: 'Main desk',
    line1: '1 Main St',
    line2: null,
    city: 'Austin',
    region: 'TX',
    postalCode: '78701',
    country: 'US',
    isDefault: true,
  },
  {
    id: 'a2',
    name: 'Warehouse',
    line1: '9 Dock Rd',
    line2: 'Bay 4',
    city: 'Reno',
    region: 'NV',
    postalCode: '89501',
    country: 'US',
    isDefault: false,
  },
];

const noDownloads: ReturnDownloads = { label: null, packingSlip: null };

function renderView(detail: ReturnDetail, handlers: Partial<Parameters<typeof ReturnView>[0]> = {}) {
  const props = {
    detail,
    addresses,
    downloads: noDownloads,
    onAuthorize: vi.fn(() => Promise.resolve()),
    onReply: vi.fn(() => Promise.resolve()),
    onClose: vi.fn(() => Promise.resolve()),
    ...handlers,
  };
  const router = createMemoryRouter([{ path: '/returns/:id', element: <ReturnView {...props} /> }], {
    initialEntries: ['/returns/ret-1'],
  });
  render(<RouterProvider router={router} />);
  return props;
}

describe('ReturnView', () => {
  it('shows the request, the policy verdict with its reason, and the timeline', () => {
    renderView(requested);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Return of order 112-4471');
    expect(screen.getByText('The screen flickers.')).toBeInTheDocument();
    const policy = screen.getByRole('region', { name: 'Return policy' });
    expect(policy).toHaveTextContent('Out of policy Requested 19 days after the window closed on 1 Dec.');
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1 Nov 2026, 18:00 UTCOrder delivered', '20 Nov 2026, 15:00 UTCReturn requested by the buyer']);
  });

  it('authorizes with the seller’s own RMA and a saved address, and shows the server’s refusal under the RMA field', async () => {
    const used = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'RMA AB-1234 is already used by another of your returns.',
          extensions: { code: 'CONFLICT', field: 'rma', reason: 'RMA_TAKEN' },
        },
      ],
    });
    const onAuthorize = vi.fn(() => Promise.reject(used));
    renderView(requested, { onAuthorize });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Use my own' }));
    await user.type(screen.getByRole('textbox', { name: 'Your RMA number' }), 'ab-1234');
    await user.click(screen.getByRole('radio', { name: 'One of my saved addresses' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Saved address' }), 'a2');
    await user.click(screen.getByRole('button', { name: 'Authorize return' }));

    expect(onAuthorize).toHaveBeenCalledWith({ customRma: 'AB-1234', addressId: 'a2' });
    const field = screen.getByRole('textbox', { name: 'Your RMA number' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/RMA AB-1234 is already used by another of your returns\./);
  });

  it('checks an own RMA before sending it', async () => {
    const onAuthorize = vi.fn(() => Promise.resolve());
    renderView(requested, { onAuthorize });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Use my own' }));
    await user.type(screen.getByRole('textbox', { name: 'Your RMA number' }), 'AB!1');
    await user.click(screen.getByRole('button', { name: 'Authorize return' }));
    expect(onAuthorize).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Your RMA number' })).toHaveFocus();
  });

  it('offers only the close reasons of the state, and closes with one', async () => {
    const props = renderView(requested);
    const reason = screen.getByRole('combobox', { name: 'Reason' });
    expect(within(reason).queryByRole('option', { name: 'Not returned by the deadline' })).toBeNull();
    const user = userEvent.setup();
    await user.selectOptions(reason, 'The buyer cancelled the request');
    await user.click(screen.getByRole('button', { name: 'Close return' }));
    expect(props.onClose).toHaveBeenCalledWith('BUYER_CANCELLED', null);
  });

  it('shows an authorized return’s RMA, address and downloads, without the forms it no longer takes', async () => {
    const props = renderView(
      {
        ...requested,
        state: 'AUTHORIZED',
        rma: '7KQ2M-9XD4P',
        rmaGenerated: true,
        authorizedAt: '2026-11-21T10:00:00.000Z',
        deadline: '2026-12-16',
        returnAddress: addresses[0]!,
        allowedEvents: ['SHIP', 'RECEIVE'],
        messages: [
          {
            id: 'm1',
            author: 'BUYER',
            authorName: null,
            body: 'Where do I send it?',
            sentAt: '2026-11-21T11:00:00.000Z',
          },
        ],
      },
      {},
    );
    expect(screen.queryByRole('button', { name: 'Authorize return' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Close' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Authorization' })).toHaveTextContent('RMA 7KQ2M-9XD4P (generated)');
    expect(screen.getByRole('list', { name: 'Messages with the buyer' })).toHaveTextContent('Bo Buyer');

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Reply to the buyer' }), 'To the address on the label.');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(props.onReply).toHaveBeenCalledWith('To the address on the label.');
    expect(await screen.findByText('Reply sent. The buyer gets it by email.')).toBeInTheDocument();
  });
});
