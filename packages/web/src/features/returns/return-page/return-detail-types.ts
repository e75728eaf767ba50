import type {
  AuthorizationMode,
  CloseReason,
  LabelKind,
  MarketplaceCode,
  ReturnEvent,
  ReturnReasonCode,
  ReturnState,
} from '@recertify/domain';

/*
 * What a return's page shows, by the API's field names, so the page's query result fits as it is.
 */

export interface ReturnAddressFields {
  readonly id: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
  readonly isDefault: boolean;
}

export interface ReturnMessageFields {
  readonly id: string;
  readonly author: 'SELLER' | 'BUYER';
  readonly authorName: string | null;
  readonly body: string;
  readonly sentAt: string;
}

export interface ReturnDetail {
  readonly id: string;
  readonly version: number;
  readonly state: ReturnState;
  readonly marketplace: MarketplaceCode;
  readonly orderExternalId: string;
  readonly orderDeliveredAt: string | null;
  readonly items: ReadonlyArray<{
    readonly sku: string;
    readonly title: string | null;
    readonly quantity: number;
    readonly categoryName: string | null;
  }>;
  readonly reason: ReturnReasonCode;
  readonly buyerComment: string | null;
  readonly buyerName: string | null;
  readonly requestedAt: string;
  readonly inPolicy: boolean;
  readonly policyExplanation: string;
  readonly returnWindowDays: number;
  readonly lastDayToRequest: string | null;
  readonly authorizationMode: AuthorizationMode;
  readonly authorizationExplanation: string;
  readonly labelKind: LabelKind;
  readonly rma: string | null;
  readonly rmaGenerated: boolean;
  readonly authorizedAt: string | null;
  readonly deadline: string | null;
  readonly closedAt: string | null;
  readonly closeReason: CloseReason | null;
  readonly closedNote: string | null;
  readonly expiredAt: string | null;
  readonly returnAddress: ReturnAddressFields | null;
  readonly messages: readonly ReturnMessageFields[];
  readonly allowedEvents: readonly ReturnEvent[];
}
