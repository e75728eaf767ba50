import { describe, expect, it } from 'vitest';
import { returnTimeline } from './timeline';

const base = {
  orderDeliveredAt: '2026-11-01T10:00:00.000Z',
  requestedAt: '2026-11-10T09:00:00.000Z',
  authorizedAt: null,
  rma: null,
  authorizationMode: 'MANUAL' as const,
  closedAt: null,
  closeReason: null,
  expiredAt: null,
  messages: [],
  deadline: null,
};

describe('returnTimeline', () => {
  it('starts at delivery and the request', () => {
    expect(returnTimeline(base).map((e) => e.text)).toEqual(['Order delivered', 'Return requested by the buyer']);
    expect(returnTimeline({ ...base, orderDeliveredAt: null }).map((e) => e.text)).toEqual([
      'Return requested by the buyer',
    ]);
  });

  it('puts authorization, messages and closing in time order, automatic authorization at the same instant after the request', () => {
    const texts = returnTimeline({
      ...base,
      authorizedAt: base.requestedAt,
      authorizationMode: 'AUTOMATIC',
      rma: '7KQ2M-9XD4P',
      messages: [
        { id: 'm2', author: 'SELLER', authorName: 'Ana', body: 'Sure', sentAt: '2026-11-12T08:00:00.000Z' },
        { id: 'm1', author: 'BUYER', authorName: 'Bo', body: 'Hi', sentAt: '2026-11-11T08:00:00.000Z' },
      ],
      closedAt: '2026-12-30T08:00:00.000Z',
      closeReason: 'NOT_RETURNED',
    }).map((e) => e.text);
    expect(texts).toEqual([
      'Order delivered',
      'Return requested by the buyer',
      'Authorized automatically with RMA 7KQ2M-9XD4P',
      'The buyer wrote',
      'You replied to the buyer',
      'Closed: Not returned by the deadline',
    ]);
  });

  it('says when a return expired', () => {
    const texts = returnTimeline({
      ...base,
      authorizedAt: '2026-11-11T00:00:00.000Z',
      expiredAt: '2026-12-27T00:00:00.000Z',
    });
    expect(texts.at(-1)?.text).toBe('Expired: nothing arrived by the deadline');
  });
});
