import { registerEnumType } from 'type-graphql';

export enum ApplicationStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  NEEDS_INFO = 'NEEDS_INFO',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatusEnum, {
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

export enum SellerTypeEnum {
  PROFESSIONAL = 'PROFESSIONAL',
  INDIVIDUAL = 'INDIVIDUAL',
}
registerEnumType(SellerTypeEnum, { name: 'SellerType', description: 'Professional or individual seller account.' });

export enum RefurbisherEnum {
  MANUFACTURER = 'MANUFACTURER',
  THIRD_PARTY_REFURBISHER = 'THIRD_PARTY_REFURBISHER',
}
registerEnumType(RefurbisherEnum, { name: 'Refurbisher', description: 'Who refurbishes the units.' });
