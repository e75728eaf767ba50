import {
  AUTHORIZATION_MODES,
  AUTHORIZATION_REASONS,
  CLOSE_REASONS,
  LABEL_KINDS,
  OUT_OF_POLICY_REASONS,
  RETURN_EVENTS,
  RETURN_REASON_CODES,
  RETURN_STATES,
  type AuthorizationMode,
  type AuthorizationReason,
  type CloseReason,
  type LabelKind,
  type OutOfPolicyReason,
  type ReturnEvent,
  type ReturnReasonCode,
  type ReturnState,
} from '@recertify/domain';
import { graphqlEnum } from '../../graphql/enums.js';

export const ReturnStateEnum = graphqlEnum(RETURN_STATES, {
  name: 'ReturnState',
  description: 'Where a return request is in its lifecycle (SPEC 6).',
  valuesConfig: {
    REQUESTED: { description: 'The buyer asked; waiting for authorization.' },
    AUTHORIZED: { description: 'Authorized with an RMA; the buyer may send the item until the deadline.' },
    IN_TRANSIT: { description: 'The parcel is on its way back.' },
    RECEIVED: { description: 'The parcel arrived.' },
    GRADED: { description: 'The returned item was graded.' },
    REFUNDED: { description: 'The buyer was refunded.' },
    CLOSED: { description: 'Closed by the seller, with a reason.' },
    EXPIRED: { description: 'Authorized, but nothing arrived by the deadline.' },
  },
});
export type ReturnStateEnum = ReturnState;

export const ReturnEventEnum = graphqlEnum(RETURN_EVENTS, {
  name: 'ReturnEvent',
  description: 'What may happen to a return request.',
});
export type ReturnEventEnum = ReturnEvent;

export const ReturnReasonEnum = graphqlEnum(RETURN_REASON_CODES, {
  name: 'ReturnReason',
  description: 'Why the buyer returns the item (SPEC 6 reason codes).',
});
export type ReturnReasonEnum = ReturnReasonCode;

export const CloseReasonEnum = graphqlEnum(CLOSE_REASONS, {
  name: 'ReturnCloseReason',
  description: 'Why a seller closed a return. NOT_RETURNED only after the deadline of an authorized return.',
});
export type CloseReasonEnum = CloseReason;

export const AuthorizationModeEnum = graphqlEnum(AUTHORIZATION_MODES, {
  name: 'ReturnAuthorizationMode',
  description: 'Authorized by the system on arrival, or waiting for the seller.',
});
export type AuthorizationModeEnum = AuthorizationMode;

export const AuthorizationReasonEnum = graphqlEnum(AUTHORIZATION_REASONS, {
  name: 'ReturnAuthorizationReason',
  description: 'The rule of SPEC 6 that decided automatic or manual authorization.',
});
export type AuthorizationReasonEnum = AuthorizationReason;

export const LabelKindEnum = graphqlEnum(LABEL_KINDS, {
  name: 'ReturnLabelKind',
  description: 'The label the buyer prints: unpaid (system PDF), prepaid (provider) or uploaded by the seller.',
});
export type LabelKindEnum = LabelKind;

export const OutOfPolicyReasonEnum = graphqlEnum(OUT_OF_POLICY_REASONS, {
  name: 'ReturnOutOfPolicyReason',
  description: 'Why a request is out of policy.',
});
export type OutOfPolicyReasonEnum = OutOfPolicyReason;

const RETURN_MESSAGE_AUTHORS = ['SELLER', 'BUYER'] as const;
export type ReturnMessageAuthor = (typeof RETURN_MESSAGE_AUTHORS)[number];
export const ReturnMessageAuthor = graphqlEnum(RETURN_MESSAGE_AUTHORS, {
  name: 'ReturnMessageAuthor',
  description: 'Who wrote a message of a return thread.',
});

const RETURN_REQUEST_SORTS = ['REQUESTED_NEWEST', 'REQUESTED_OLDEST'] as const;
export type ReturnRequestSort = (typeof RETURN_REQUEST_SORTS)[number];
export const ReturnRequestSort = graphqlEnum(RETURN_REQUEST_SORTS, {
  name: 'ReturnRequestSort',
  description: 'The order of the returns queue.',
  valuesConfig: {
    REQUESTED_NEWEST: { description: 'Newest request first (the default).' },
    REQUESTED_OLDEST: { description: 'Oldest request first: the ones waiting longest.' },
  },
});
