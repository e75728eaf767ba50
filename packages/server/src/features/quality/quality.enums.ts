import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SOURCES,
  OFFER_STATUSES,
  ORDER_DEFECT_KINDS,
  type ComplaintCategory,
  type ComplaintSource,
  type OfferStatus,
  type OrderDefectKind,
} from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';

export const OfferStatusEnum = graphqlEnum(OFFER_STATUSES, {
  name: 'OfferStatus',
  description: 'Whether an offer is on sale (ACTIVE) or taken off sale by evaluation or a suspension (SUPPRESSED).',
});
export type OfferStatusEnum = OfferStatus;

export const OrderDefectKindEnum = graphqlEnum(ORDER_DEFECT_KINDS, {
  name: 'OrderDefectKind',
  description: 'What makes an order defective for ODR.',
});
export type OrderDefectKindEnum = OrderDefectKind;

export const ComplaintSourceEnum = graphqlEnum(COMPLAINT_SOURCES, {
  name: 'ComplaintSource',
  description: 'Where a complaint counted by RQS came from.',
});
export type ComplaintSourceEnum = ComplaintSource;

export const ComplaintCategoryEnum = graphqlEnum(COMPLAINT_CATEGORIES, {
  name: 'ComplaintCategory',
  description: 'What the customer says is wrong with the unit.',
});
export type ComplaintCategoryEnum = ComplaintCategory;

export const UPSERT_OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED'] as const;
export const UpsertOutcome = graphqlEnum(UPSERT_OUTCOMES, {
  name: 'UpsertOutcome',
  description: 'What sending a record did: a new record, a change, or nothing (the same record again).',
  valuesConfig: {
    CREATED: { description: 'No record had this external id: it was created.' },
    UPDATED: { description: 'The record changed; its version rose and what depends on it was updated.' },
    UNCHANGED: { description: 'The same content was sent again: nothing changed.' },
  },
});
export type UpsertOutcome = (typeof UPSERT_OUTCOMES)[number];
