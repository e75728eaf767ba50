import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  REFURBISHERS,
  type Refurbisher,
  SELLER_TYPES,
  type SellerType,
} from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';

export const ApplicationStatusEnum = graphqlEnum(APPLICATION_STATUSES, {
  name: 'ApplicationStatus',
  description: 'Where an application is in its lifecycle.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the seller; may be incomplete.' },
    SUBMITTED: { description: 'Waiting in the review queue.' },
    IN_REVIEW: { description: 'Claimed by a reviewer.' },
    APPROVED: { description: 'Approved: the seller may sell Renewed products in the marketplace.' },
    REJECTED: { description: 'Rejected, with a reason per failed criterion; the seller may apply again.' },
    NEEDS_INFO: { description: 'The reviewer asked for more information; the seller fixes and resubmits.' },
    WITHDRAWN: { description: 'Withdrawn by the seller.' },
  },
});
/** The domain's ApplicationStatus; the const above is the same values as a GraphQL enum. */
export type ApplicationStatusEnum = ApplicationStatus;

export const SellerTypeEnum = graphqlEnum(SELLER_TYPES, {
  name: 'SellerType',
  description: 'Professional or individual seller account.',
});
/** The domain's SellerType; the const above is the same values as a GraphQL enum. */
export type SellerTypeEnum = SellerType;

export const RefurbisherEnum = graphqlEnum(REFURBISHERS, {
  name: 'Refurbisher',
  description: 'Who refurbishes the units.',
});
/** The domain's Refurbisher; the const above is the same values as a GraphQL enum. */
export type RefurbisherEnum = Refurbisher;
