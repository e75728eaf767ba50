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
