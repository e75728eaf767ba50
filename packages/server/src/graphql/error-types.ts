import { Field, Int, ObjectType } from 'type-graphql';
import type { FieldProblem } from '../errors/app-error.js';
import { ERROR_CODES, type ErrorCode, type PublicErrorExtensions } from '../errors/public-error.js';
import type { BlockingFailure } from '../features/applications/applications.errors.js';
import type { UploadRule } from '../features/uploads/upload.errors.js';
import { graphqlEnum } from './enums.js';

/**
 * The error contract in schema.graphql: no field returns these types. They describe the
 * `extensions` of every error the API sends, so clients generate the code list and the shapes
 * they branch on instead of copying them (orphaned types of the schema build).
 */
export const ErrorCodeEnum = graphqlEnum(ERROR_CODES, {
  name: 'ErrorCode',
  description: 'The `extensions.code` of an error. Refusals made on purpose carry a message a person can act on.',
  valuesConfig: {
    UNAUTHENTICATED: { description: 'Not signed in, or the API key is missing, malformed or revoked (HTTP 401).' },
    FORBIDDEN: { description: 'Signed in, but this needs another role or API scope.' },
    BAD_USER_INPUT: { description: 'Some input is malformed: `fields` names each field at fault.' },
    NOT_FOUND: { description: 'No such record, or not one the caller may see.' },
    CONFLICT: {
      description:
        'The record changed meanwhile or its state does not allow this: `reason` names the rule, `holder` who holds a claim.',
    },
    INVALID_CREDENTIALS: { description: 'The email or password is not right.' },
    ACCOUNT_LOCKED: { description: 'Too many failed sign-ins: `lockedUntil` says when to try again.' },
    INVALID_TOKEN: { description: 'A reset link that is unknown, used or expired (`field` is "token").' },
    NOT_ELIGIBLE: { description: 'Submission refused: `failures` lists the hard criteria that fail.' },
    NOT_APPROVED: {
      description:
        'Only sellers approved in the marketplace have a quality dashboard: `reason` is the status of their latest application there, or NO_APPLICATION.',
    },
    BAD_REQUEST: { description: 'The request could not be read: malformed JSON, a malformed address.' },
    PAYLOAD_TOO_LARGE: { description: 'The request body is over the size limit (HTTP 413).' },
    RATE_LIMITED: {
      description:
        'Too many requests (HTTP 429): `limit` names the limit, `max` its value, `retryAfterSeconds` (and the Retry-After header) when to retry.',
    },
    QUERY_TOO_COMPLEX: {
      description:
        'The operation is over a query limit (depth, cost, aliases, directives, tokens): `limit` names it and `max` is its value.',
    },
    GRAPHQL_PARSE_FAILED: { description: 'The operation is not valid GraphQL syntax.' },
    GRAPHQL_VALIDATION_FAILED: { description: 'The operation does not fit the schema.' },
    PERSISTED_QUERY_NOT_FOUND: { description: 'The persisted query hash is unknown; send the query.' },
    PERSISTED_QUERY_NOT_SUPPORTED: { description: 'Persisted queries are not supported.' },
    OPERATION_RESOLUTION_FAILURE: { description: 'The operation to run could not be determined.' },
    INTERNAL_SERVER_ERROR: { description: 'Something failed on the server; the details are logged, not sent.' },
  },
});

@ObjectType('FieldProblem', { description: 'One input field at fault, and how to fix it.' })
export class FieldProblemType implements FieldProblem {
  @Field({ description: 'The input field, e.g. `email` or `invoices[0].lines[2].unitPrice`.' }) field!: string;
  @Field({ description: 'What is wrong, for a person.' }) message!: string;
}

@ObjectType('BlockingFailure', { description: 'A hard eligibility criterion that blocks submission.' })
export class BlockingFailureType implements BlockingFailure {
  @Field(() => String, { description: 'The criterion, e.g. IMAGES.' }) criterion!: BlockingFailure['criterion'];
  @Field({ description: 'What fails and what to do, for a person.' }) summary!: string;
}

@ObjectType('ClaimHolder', { description: 'The reviewer who holds a claim on an application.' })
export class ClaimHolderType {
  @Field(() => String, { nullable: true, description: 'Display name; null when that account is gone.' })
  name!: string | null;
  @Field(() => Date, { nullable: true, description: 'When they claimed it.' }) claimedAt!: string | null;
}

@ObjectType('ErrorExtensions', {
  description:
    'The `extensions` of every error the API sends (GraphQL errors, and the `errors` of any other error response). No field returns it: it documents the contract so clients generate its types.',
})
export class ErrorExtensionsType implements PublicErrorExtensions {
  @Field(() => ErrorCodeEnum, { description: 'What kind of error this is.' }) code!: ErrorCode;
  @Field(() => [FieldProblemType], { nullable: true, description: 'BAD_USER_INPUT: every field at fault.' })
  fields?: FieldProblemType[];
  @Field(() => [BlockingFailureType], { nullable: true, description: 'NOT_ELIGIBLE: the criteria that block.' })
  failures?: BlockingFailureType[];
  @Field(() => ClaimHolderType, { nullable: true, description: 'CONFLICT: who holds the claim, and since when.' })
  holder?: ClaimHolderType;
  @Field(() => String, {
    nullable: true,
    description:
      'CONFLICT (or BAD_USER_INPUT from a rule): the rule that refused, e.g. ALREADY_APPROVED, OPEN_APPLICATION, INVALID_TRANSITION; for returns also BEFORE_DEADLINE, CLOSE_REASON and RMA_TAKEN.',
  })
  reason?: string;
  @Field(() => String, {
    nullable: true,
    description: 'The one input field at fault, for codes other than BAD_USER_INPUT.',
  })
  field?: string;
  @Field(() => Date, { nullable: true, description: 'ACCOUNT_LOCKED: when signing in works again.' })
  lockedUntil?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'BAD_USER_INPUT about an uploaded file: EMPTY, TOO_LARGE, CONTENT_TYPE, DAMAGED, DIMENSIONS, DECODED_SIZE or QUOTA.',
  })
  rule?: UploadRule;
  @Field(() => String, {
    nullable: true,
    description: 'RATE_LIMITED and QUERY_TOO_COMPLEX: the limit that refused, e.g. `graphql-ip` or `depth`.',
  })
  limit?: string;
  @Field(() => Int, { nullable: true, description: 'RATE_LIMITED and QUERY_TOO_COMPLEX: the value of that limit.' })
  max?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'RATE_LIMITED: seconds until a retry can succeed (the Retry-After header says the same).',
  })
  retryAfterSeconds?: number;
  @Field(() => Date, {
    nullable: true,
    description: 'CONFLICT with reason COMPLAINT_ALREADY_INVALIDATED: when the complaint stopped counting.',
  })
  invalidatedAt?: string;
}
