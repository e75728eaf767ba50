import { CLOSE_REASON_LABELS } from '@recertify/domain';
import type { ReturnDetail } from './return-detail-types';

export interface TimelineEntry {
  readonly at: string;
  readonly text: string;
}

/**
 * What happened to a return, oldest first: delivery, the request, authorization, messages,
 * closing or expiry. Built from the return's own dates, so it needs no audit log of its own.
 */
export function returnTimeline(
  detail: Pick<
    ReturnDetail,
    | 'orderDeliveredAt'
    | 'requestedAt'
    | 'authorizedAt'
    | 'rma'
    | 'authorizationMode'
    | 'closedAt'
    | 'closeReason'
    | 'expiredAt'
    | 'messages'
    | 'deadline'
  >,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (detail.orderDeliveredAt) entries.push({ at: detail.orderDeliveredAt, text: 'Order delivered' });
  entries.push({ at: detail.requestedAt, text: 'Return requested by the buyer' });
  if (detail.authorizedAt) {
    const how = detail.authorizationMode === 'AUTOMATIC' ? 'Authorized automatically' : 'Authorized';
    entries.push({ at: detail.authorizedAt, text: detail.rma ? `${how} with RMA ${detail.rma}` : how });
  }
  for (const message of detail.messages) {
    entries.push({
      at: message.sentAt,
      text: message.author === 'SELLER' ? 'You replied to the buyer' : 'The buyer wrote',
    });
  }
  if (detail.expiredAt) {
    entries.push({ at: detail.expiredAt, text: 'Expired: nothing arrived by the deadline' });
  }
  if (detail.closedAt) {
    const why = detail.closeReason ? `: ${CLOSE_REASON_LABELS[detail.closeReason]}` : '';
    entries.push({ at: detail.closedAt, text: `Closed${why}` });
  }
  // Stable: entries at the same instant keep the order above (requested before authorized).
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
